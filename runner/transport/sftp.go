package transport

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/pkg/sftp"
	"github.com/switchbackhq/switchback/modules/hostcmd"
	"golang.org/x/crypto/ssh"
)

// fileChannel is a connection's SFTP session: opened the first time a
// step sends a file, reused by every later one, closed with the
// connection.
type fileChannel struct {
	mu      sync.Mutex
	session *ssh.Session
	client  *sftp.Client
	refused bool // the host has no SFTP subsystem; never asked again
}

var _ hostcmd.FileSender = (*sshConn)(nil)

// SendFile writes data into the existing file path over SFTP. The file is
// opened for writing and truncated, never created, so it keeps the mode
// the module gave it (mktemp's 0600) until the module sets the final one.
func (c *sshConn) SendFile(ctx context.Context, path string, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	client, err := c.files.open(c)
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() {
		f, err := client.OpenFile(path, os.O_WRONLY|os.O_TRUNC)
		if err != nil {
			done <- err
			return
		}
		_, err = f.ReadFrom(bytes.NewReader(data))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("sending %s over SFTP: %w", path, err)
		}
		return nil
	case <-ctx.Done():
		// Closing the channel aborts the transfer; the next file opens a
		// new one.
		c.files.close()
		<-done
		return ctx.Err()
	}
}

// open returns the connection's SFTP client, starting it on first use.
func (fc *fileChannel) open(c *sshConn) (*sftp.Client, error) {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if fc.client != nil {
		return fc.client, nil
	}
	if fc.refused {
		return nil, hostcmd.ErrNoFileTransfer
	}
	sess, err := c.client.NewSession()
	if err != nil {
		return nil, &UnreachableError{Host: c.name, Err: fmt.Errorf("opening an SFTP session: %w", err)}
	}
	w, err := sess.StdinPipe()
	if err != nil {
		sess.Close()
		return nil, fmt.Errorf("SFTP session: %w", err)
	}
	r, err := sess.StdoutPipe()
	if err != nil {
		sess.Close()
		return nil, fmt.Errorf("SFTP session: %w", err)
	}
	if err := sess.RequestSubsystem("sftp"); err != nil {
		// The server said no: the host has no SFTP, and modules fall
		// back to the shell.
		sess.Close()
		fc.refused = true
		return nil, hostcmd.ErrNoFileTransfer
	}
	client, err := sftp.NewClientPipe(r, w)
	if err != nil {
		sess.Close()
		return nil, fmt.Errorf("starting SFTP: %w", err)
	}
	fc.session, fc.client = sess, client
	return client, nil
}

// close ends the SFTP session, if one is open.
func (fc *fileChannel) close() {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if fc.client != nil {
		fc.client.Close()
		fc.session.Close()
		fc.client, fc.session = nil, nil
	}
}
