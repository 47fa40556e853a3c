// Starts s3rver for PayloadGen's tests on 127.0.0.1 with a free port, prints {"port":N} once it listens,
// and shuts down when its standard input closes, so the test process owns its lifetime.
// Usage: node start.js <directory> [bucket,bucket…]
'use strict';
const S3rver = require('s3rver');

const [directory, bucketList = ''] = process.argv.slice(2);
if (!directory) {
  process.stderr.write('usage: node start.js <directory> [bucket,bucket...]\n');
  process.exit(2);
}

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  directory,
  silent: true,
  configureBuckets: bucketList.split(',').filter(Boolean).map(name => ({ name })),
});

server.run().then(
  address => process.stdout.write(JSON.stringify({ port: address.port }) + '\n'),
  error => {
    process.stderr.write(`s3rver failed to start: ${error.stack || error}\n`);
    process.exit(1);
  },
);

const stop = () => server.close().finally(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.on('SIGTERM', stop);
process.stdin.resume();
