# Packages for rehearse.hcl on machines with no network: the box that
# `make box` builds carries a local repository holding these.
packages = ["sb-hello", "sb-app"]
