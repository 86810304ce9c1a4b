a='x'
b="y"
