a="x	y"
b='	'
c=one	two=2
