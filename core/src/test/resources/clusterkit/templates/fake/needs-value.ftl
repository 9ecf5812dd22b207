first line
value=${absent}
