rem start.bat in the style of NEC's CLUSTERPRO X templates: a helper runs
rem under its own watch and is ended with armkill; that is no stop sequence.
IF "%CLP_EVENT%" == "START" GOTO NORMAL
IF "%CLP_EVENT%" == "FAILOVER" GOTO NORMAL
IF "%CLP_EVENT%" == "RECOVER" GOTO EXIT
GOTO EXIT
:NORMAL
IF "%CLP_DISK%" == "FAILURE" GOTO EXIT
rem EXPECT-NEXT: CPW019
armload PREPARE /U Job-Admin /W cmd.exe /c prepare.cmd
rem EXPECT-NEXT: CPW019
armkill PREPARE
ARMLOAD JOBSTART /M /U Job-Admin "D:\JobCenter\SV\bin\cluster\cjcpw" "testsite" "X:\Jobdb"
:EXIT
EXIT /B 0
