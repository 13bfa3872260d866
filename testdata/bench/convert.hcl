# A realistic conversion of a fresh Alpine host, measured by `make bench`
# against the same work sent as one shell script per host (convert.sh).
# Keep the two in step: the benchmark checks, after the script ran, that
# `switchback run --check` with this playbook finds nothing to change.
playbook {
  name        = "bench-convert"
  description = "Packages, a service account, configuration, a daemon and a marker"
}

phase "packages" {
  apk "runtime" {
    packages = ["sb-hello", "sb-daemon", "sb-app"]
  }
}

phase "accounts" {
  group "service group" {
    name   = "sbapp"
    system = true
  }

  user "service account" {
    name   = "sbapp"
    system = true
    group  = "sbapp"
    shell  = "/sbin/nologin"
    home   = "/var/lib/sbapp"
  }
}

phase "configuration" {
  file "config directory" {
    path  = "/etc/sbapp"
    state = "directory"
    mode  = "0750"
    group = "sbapp"
  }

  file "application config" {
    path    = "/etc/sbapp/app.conf"
    content = "listen = 127.0.0.1:8080\nworkers = 4\nlog = /var/log/sbapp/app.log\n"
    mode    = "0640"
    group   = "sbapp"
  }

  file "log directory" {
    path  = "/var/log/sbapp"
    state = "directory"
    mode  = "0750"
    owner = "sbapp"
    group = "sbapp"
  }

  file "login banner" {
    path    = "/etc/motd"
    content = "Converted by switchback. Local changes may be overwritten.\n"
  }

  line "umask" {
    path   = "/etc/profile"
    regexp = "^umask "
    line   = "umask 027"
  }

  template "limits" {
    source = "templates/limits.conf.tmpl"
    dest   = "/etc/sbapp/limits.conf"
    vars   = { user = "sbapp", nofile = 4096, workers = ["a", "b"] }
    mode   = "0640"
    group  = "sbapp"
  }

  template "environment" {
    source = "templates/env.tmpl"
    dest   = "/etc/sbapp/env"
    vars   = { home = "/var/lib/sbapp", mode = "production" }
    mode   = "0644"
  }
}

phase "services" {
  service "sb-daemon" {
    service = "sb-daemon"
    enabled = true
    state   = "started"
    conf_d  = { SB_DAEMON_INTERVAL = "5" }
  }
}

phase "finish" {
  file "hello on the path" {
    path  = "/usr/local/bin/hello"
    state = "link"
    src   = "/usr/bin/sb-hello"
  }

  command "conversion marker" {
    run     = "mkdir -p /var/lib/switchback && date -u +%Y-%m-%dT%H:%M:%SZ > /var/lib/switchback/converted-at"
    creates = "/var/lib/switchback/converted-at"
  }

  ash_check "init scripts" {
    paths = ["/etc/init.d/sb-daemon"]
  }
}
