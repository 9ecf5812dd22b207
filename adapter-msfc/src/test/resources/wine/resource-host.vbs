' Test harness appended to a Generic Script resource script: plays the cluster's resource host.
' It gives the script a Resource object (private properties SiteName and DBPath, LogInformation
' writing to the console) and calls the entry points in the order the cluster would, printing what
' each returns. Arguments: SITENAME DBPATH EXITFILE (a file whose number the stub cjcpw -stop
' returns when it exists).
Class ResourceStub
    Public SiteName
    Public DBPath
    Private props
    Private Sub Class_Initialize()
        Set props = CreateObject("Scripting.Dictionary")
    End Sub
    Public Sub LogInformation(message)
        WScript.Echo "log: " & message
    End Sub
    Public Function PropertyExists(name)
        PropertyExists = props.Exists(name)
    End Function
    Public Sub AddProperty(name)
        props.Add name, ""
        WScript.Echo "property added: " & name
    End Sub
End Class

Dim Resource
Set Resource = New ResourceStub

Sub WriteExitCode(code)
    Dim f
    Set f = CreateObject("Scripting.FileSystemObject").CreateTextFile(WScript.Arguments(2), True)
    f.Write code
    f.Close
End Sub

WScript.Echo "Open: " & Open()
WScript.Echo "Open again: " & Open()
WScript.Echo "Online before setup: " & Online()
WScript.Echo "Offline before setup: " & Offline()
Resource.SiteName = WScript.Arguments(0)
Resource.DBPath = WScript.Arguments(1)
WScript.Echo "LooksAlive before Online: " & LooksAlive()
WScript.Echo "IsAlive before Online: " & IsAlive()
WScript.Echo "Online: " & Online()
WScript.Echo "Offline: " & Offline()
WriteExitCode 3
WScript.Echo "Terminate: " & Terminate()
WScript.Echo "Close: " & Close()
WScript.Echo "done"
