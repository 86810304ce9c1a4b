break
continue
a=still
