v=outer
f() { local v; unset v; inside=${v-unset}; }
f
after=$v
