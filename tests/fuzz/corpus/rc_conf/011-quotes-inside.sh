a="it's"
b='say "hi"'
c="a 'b' c"
d='a "b" c'
