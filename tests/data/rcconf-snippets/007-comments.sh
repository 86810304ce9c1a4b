# a comment line
a=1 # trailing comment
b="2 # not a comment"
c=3#notacomment
d='#4'
e=5;# after semicolon
  # indented comment
f=6	# tab comment
