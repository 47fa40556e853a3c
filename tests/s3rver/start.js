// Starts s3rver for PayloadGen's tests on 127.0.0.1 with a free port, prints {"port":N} once it listens,
// and shuts down when its standard input closes, so the test process owns its lifetime.
// Usage: node start.js <directory> [bucket,bucket…]
'use strict';
const fs = require('fs');
const path = require('path');
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

// s3rver 3.7.1 implements neither AbortMultipartUpload (DELETE ?uploadId answers 405) nor ListMultipartUploads
// (GET ?uploads answers NotImplemented), so an aborted upload would keep its parts and a test could not see it.
// Both are added here over s3rver's own upload folders (<bucket>/._S3rver_uploads/<uploadId>/, holding a 'key'
// file and one file per part), ahead of its router, as S3 documents them.
server.middleware.unshift(multipartUploads(directory));

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

function multipartUploads(root) {
  const uploadsOf = bucket => path.join(root, bucket, '._S3rver_uploads');
  const escape = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const xml = (ctx, status, body) => {
    ctx.status = status;
    ctx.type = 'application/xml';
    ctx.body = '<?xml version="1.0" encoding="UTF-8"?>\n' + body;
  };

  return async (ctx, next) => {
    const [bucket, ...keyParts] = ctx.path.split('/').slice(1).filter(Boolean);
    if (!bucket) {
      return next();
    }

    if (ctx.method === 'DELETE' && keyParts.length > 0 && typeof ctx.query.uploadId === 'string') {
      const key = keyParts.map(decodeURIComponent).join('/');
      const upload = path.join(uploadsOf(bucket), path.basename(ctx.query.uploadId));
      const recorded = await fs.promises.readFile(path.join(upload, 'key'), 'utf8').catch(() => null);
      if (recorded !== key) {
        return xml(ctx, 404, '<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>');
      }

      await fs.promises.rm(upload, { recursive: true, force: true });
      ctx.status = 204;
      return undefined;
    }

    if (ctx.method === 'GET' && keyParts.length === 0 && 'uploads' in ctx.query) {
      const ids = await fs.promises.readdir(uploadsOf(bucket)).catch(() => []);
      const uploads = [];
      for (const id of ids.sort()) {
        const key = await fs.promises.readFile(path.join(uploadsOf(bucket), id, 'key'), 'utf8').catch(() => null);
        if (key !== null) {
          uploads.push(`<Upload><Key>${escape(key)}</Key><UploadId>${escape(id)}</UploadId></Upload>`);
        }
      }

      return xml(ctx, 200,
        `<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${escape(bucket)}</Bucket>`
        + `<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>${uploads.join('')}</ListMultipartUploadsResult>`);
    }

    return next();
  };
}
