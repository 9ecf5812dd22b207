rem stop.bat of a test case
IF "%CLP_EVENT%" == "START" GOTO STOP_SITE
IF "%CLP_EVENT%" == "FAILOVER" GOTO STOP_SITE
ARMBCAST /MSG "no cluster" /A
:STOP_SITE
ARMLOADC JOBSTART /W PAUSE
rem EXPECT-NEXT: CPW004
ARMKILL JOBSTART
"D:\JobCenter\SV\bin\cluster\cjcpw" -stop testsite
EXIT /B 0
