set_v=x
empty_v=
a=${set_v:-d} b=${empty_v:-d} c=${unset_v:-d}
d=${set_v-d} e=${empty_v-d} f=${unset_v-d}
g="${unset_v:-two words}"
