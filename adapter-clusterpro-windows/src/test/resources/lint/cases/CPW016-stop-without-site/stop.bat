rem stop.bat of a test case
IF "%CLP_EVENT%" == "START" GOTO STOP_SITE
IF "%CLP_EVENT%" == "FAILOVER" GOTO STOP_SITE
ARMBCAST /MSG "no cluster" /A
:STOP_SITE
ARMLOADC JOBSTART /W PAUSE
rem EXPECT-NEXT: CPW016
"D:\JobCenter\SV\bin\cluster\cjcpw" -stop
ARMKILL JOBSTART
EXIT /B 0
