Option Explicit
Const CJCPW = "C:\JobCenter\SV\bin\cluster\cjcpw"
Dim Shell
Set Shell = CreateObject("WScript.Shell")

Function Open()
    If Not Resource.PropertyExists("SiteName") Then Resource.AddProperty "SiteName"
    If Not Resource.PropertyExists("DBPath") Then Resource.AddProperty "DBPath"
    Open = 0
End Function

Function Online()
    Resource.LogInformation "starting " & Resource.SiteName
    Shell.Run """" & CJCPW & """ """ & Resource.SiteName & """ """ & Resource.DBPath & """", 0, False
    Online = 0
End Function

Function LooksAlive()
    LooksAlive = True
End Function

Function IsAlive()
    IsAlive = True
End Function

Function Offline()
    Offline = Shell.Run("""" & CJCPW & """ -stop """ & Resource.SiteName & """", 0, True)
End Function

Function Terminate()
    Terminate = Offline()
End Function

Function Close() ' EXPECT: MSFC013
    Close = 0
