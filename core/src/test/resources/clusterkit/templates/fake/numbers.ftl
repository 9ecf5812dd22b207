count=[=count]
big=[=big]
ratio=[=ratio]
flag=[=flag]
