# A rollout as a Nomad parameterized batch job: each dispatch starts 4
# switchback controllers, each driving one shard of the fleet, making one
# run with one canary, fleet-wide thresholds and one record
# (docs/shard-groups.md).
#
#   nomad var put nomad/jobs/switchback-rollout state_url=postgres://switchback@db.internal/switchback \
#       pgpassword=... ssh_key=@id_ed25519 known_hosts=@known_hosts
#   nomad job run nomad-job.nomad.hcl
#   nomad job dispatch switchback-rollout        # one rollout: a new group
#
# To change the number of shards, change count and SHARDS together.
job "switchback-rollout" {
  type = "batch"

  # Each dispatch is a job of its own, with its own NOMAD_JOB_ID
  # (switchback-rollout/dispatch-...): the shard group's name.
  parameterized {}

  group "shards" {
    count = 4 # NOMAD_ALLOC_INDEX 0..3: the shard

    # Nomad cannot tell a verdict (exit 2: failed hosts) from a crash by
    # the exit code, and restarting a verdict would only be refused: a
    # shard is not restarted. One whose controller died shows as DEAD in
    # 'switchback runs list'; 'switchback run --resume RUN' takes it over.
    restart {
      attempts = 0
      mode     = "fail"
    }
    reschedule {
      attempts  = 0
      unlimited = false
    }

    task "switchback" {
      driver = "exec"

      config {
        command = "/bin/sh"
        args = ["-c", <<-EOT
          exec switchback run local/site/site.hcl -i local/site/inventory.hcl \
            --known-hosts secrets/known_hosts \
            --shard-group "$NOMAD_JOB_ID" \
            --shard "$((NOMAD_ALLOC_INDEX + 1))/$SHARDS"
        EOT
        ]
      }

      env {
        SHARDS              = "4" # = count
        SWITCHBACK_OPERATOR = "nomad job switchback-rollout"
        HOME                = "${NOMAD_SECRETS_DIR}" # ssh reads ~/.ssh/id_ed25519
      }

      template {
        destination = "secrets/state.env"
        env         = true
        data        = <<-EOT
          {{ with nomadVar "nomad/jobs/switchback-rollout" }}
          SWITCHBACK_STATE={{ .state_url }}
          PGPASSWORD={{ .pgpassword }}
          {{ end }}
        EOT
      }

      template {
        destination = "secrets/known_hosts"
        data        = "{{ with nomadVar \"nomad/jobs/switchback-rollout\" }}{{ .known_hosts }}{{ end }}"
      }

      template {
        destination = "secrets/.ssh/id_ed25519"
        perms       = "0400"
        data        = "{{ with nomadVar \"nomad/jobs/switchback-rollout\" }}{{ .ssh_key }}{{ end }}"
      }

      artifact {
        source      = "https://artifacts.example.com/site.tar.gz"
        destination = "local/site"
      }

      resources {
        cpu    = 1000
        memory = 512
      }
    }
  }
}
