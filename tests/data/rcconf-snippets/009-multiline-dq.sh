a="line one
line two
  line three"
b=after
