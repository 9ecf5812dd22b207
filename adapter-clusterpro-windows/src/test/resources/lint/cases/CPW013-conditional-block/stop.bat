rem stop.bat that stops only inside an IF block
rem EXPECT-NEXT: CPW013
IF "%CLP_DISK%" == "SUCCESS" (
  ARMLOADC JOBSTART /W PAUSE
  "D:\JobCenter\SV\bin\cluster\cjcpw" -stop testsite
  ARMKILL JOBSTART
) ELSE (
  ARMBCAST /MSG "disk" /A
)
EXIT /B 0
