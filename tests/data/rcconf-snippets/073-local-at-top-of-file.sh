# rc.subr sources files inside functions, so local works at the top level
local lv=only_here
seen=$lv
