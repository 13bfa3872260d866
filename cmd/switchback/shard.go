package main

import (
	"fmt"

	"github.com/switchbackhq/switchback/runner"
)

// parseShard reads --shard I/N.
func parseShard(s string) (runner.Shard, error) {
	sh, err := runner.ParseShard(s)
	if err != nil {
		return sh, fmt.Errorf("--shard %w", err)
	}
	return sh, nil
}
