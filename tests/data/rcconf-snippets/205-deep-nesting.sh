a=${u1:-${u2:-${u3:-${u4:-${u5:-bottom}}}}}
if true; then if true; then if true; then if true; then b=deep; fi; fi; fi; fi
