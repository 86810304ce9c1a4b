set -- top1 top2
f() { shift; in_f=$1; }
f x y
after=$1
