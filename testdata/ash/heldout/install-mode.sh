#!/bin/sh
echo '#!/bin/sh' > tool
install -m 755 tool ./bin-tool
ls -l bin-tool | cut -c1-10
