rem stop.bat as the guide writes it: the disk check jumps past the stop
IF "%CLP_EVENT%" == "START" GOTO NORMAL
rem EXPECT-NEXT: CPW013
IF "%CLP_EVENT%" == "FAILOVER" GOTO NORMAL
GOTO no_arm
:NORMAL
rem EXPECT-NEXT: CPW013
IF "%CLP_DISK%" == "FAILURE" GOTO ERROR_DISK
ARMLOADC JOBSTART /W PAUSE
"D:\JobCenter\SV\bin\cluster\cjcpw" -stop testsite
ARMKILL JOBSTART
GOTO EXIT
:ERROR_DISK
ARMBCAST /MSG "disk" /A
GOTO EXIT
:no_arm
ARMBCAST /MSG "no cluster" /A
:EXIT
