after_vendor=$vendor_v
#@ file /etc/defaults/vendor.conf
vendor_v=vendor
jail_conf=/etc/vendor-jail.conf
