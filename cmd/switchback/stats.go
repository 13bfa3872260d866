package main

import (
	"context"
	"fmt"
	"time"

	"github.com/switchbackhq/switchback/runner/report"
	"github.com/switchbackhq/switchback/runner/state"
)

type runsStatsCmd struct {
	stateArgs
	Playbook string `placeholder:"NAME" help:"Only runs of this playbook (its name, as 'runs list' shows it)."`
	Since    string `default:"30d" placeholder:"AGE" help:"Only runs started this long ago or less: 30d, 12h, 90m."`
	Output   string `default:"text" enum:"text,json" help:"text for people; json for dashboards."`
}

func (c *runsStatsCmd) Run(env *Env) error {
	age, err := parseAge(c.Since)
	if err != nil {
		return fmt.Errorf("--since %q: give an age such as 30d, 12h or 90m", c.Since)
	}
	st, err := c.open(env)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := report.ComputeStats(context.Background(), st, state.StatsFilter{Playbook: c.Playbook, Since: time.Now().Add(-age)})
	if err != nil {
		return err
	}
	if c.Output == "json" {
		return report.WriteStatsJSON(env.Stdout, s)
	}
	return report.WriteStatsText(env.Stdout, s)
}
