for d in /usr/local/etc/rc.d /opt/rc.d/rc.d /x/rc.dd; do
  out="$out ${d%/rc.d}"
done
