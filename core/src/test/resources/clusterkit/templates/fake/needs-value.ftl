first line
value=[=absent]
