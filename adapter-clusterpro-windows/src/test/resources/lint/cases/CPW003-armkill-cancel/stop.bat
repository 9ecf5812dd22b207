rem stop.bat of a test case
IF "%CLP_EVENT%" == "START" GOTO STOP_SITE
IF "%CLP_EVENT%" == "FAILOVER" GOTO STOP_SITE
ARMBCAST /MSG "no cluster" /A
:STOP_SITE
ARMLOADC JOBSTART /W PAUSE
"D:\JobCenter\SV\bin\cluster\cjcpw" -stop testsite
rem EXPECT-NEXT: CPW003
ARMKILL JOBSTART /C
EXIT /B 0
