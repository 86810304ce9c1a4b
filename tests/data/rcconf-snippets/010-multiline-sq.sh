a='first
second $not
third'
