rem stop.bat of a test case
IF "%CLP_EVENT%" == "START" GOTO STOP_SITE
IF "%CLP_EVENT%" == "FAILOVER" GOTO STOP_SITE
ARMBCAST /MSG "no cluster" /A
:STOP_SITE
ARMLOADC JOBSTART /W PAUSE
rem EXPECT-NEXT: CPW017
"D:\JobCenter\SV\bin\cluster\cjcpw" -stop othersite
rem EXPECT-NEXT: CPW017
ARMKILL JOBSTART2
EXIT /B 0
