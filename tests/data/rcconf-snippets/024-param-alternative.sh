set_v=x
empty_v=
a=${set_v:+alt} b=${empty_v:+alt} c=${unset_v:+alt}
d=${set_v+alt} e=${empty_v+alt} f=${unset_v+alt}
