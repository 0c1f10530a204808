// Shared helpers of the interop tests: load agora-token from tests/node/node_modules, run the
// eduauth-token CLI, and bring both sides' view of a token into one comparable shape.
'use strict'

const assert = require('node:assert/strict')
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

function requiredEnv(name) {
  const value = process.env[name]
  if (!value) throw new Error(`environment variable ${name} is not set (run these tests through CTest)`)
  return value
}

const TOOL = requiredEnv('EDUAUTH_TOKEN_TOOL')
const VECTORS = JSON.parse(fs.readFileSync(requiredEnv('EDUAUTH_VECTORS'), 'utf8'))
const NODE_DIR = requiredEnv('EDUAUTH_NODE_DIR')

// agora-token is the independent implementation we check against; without it the tests
// cannot say anything, so fail loudly with the fix.
const agoraDir = path.join(NODE_DIR, 'node_modules', 'agora-token')
if (!fs.existsSync(path.join(agoraDir, 'package.json'))) {
  throw new Error(`agora-token is not installed in ${NODE_DIR}/node_modules: run scripts/npm-deps first`)
}
const agoraVersion = JSON.parse(fs.readFileSync(path.join(agoraDir, 'package.json'), 'utf8')).version
if (agoraVersion !== '2.0.6') {
  throw new Error(`tests/node pins agora-token 2.0.6 but ${agoraVersion} is installed: run scripts/npm-deps`)
}
const agora = {
  index: require(agoraDir),
  AccessToken2: require(path.join(agoraDir, 'src', 'AccessToken2.js')),
  AccessToken: require(path.join(agoraDir, 'src', 'AccessToken.js')),
  // Legacy 006 builders are not exported by index.js; they ship in src/.
  RtcTokenBuilder006: require(path.join(agoraDir, 'src', 'RtcTokenBuilder.js')),
  RtmTokenBuilder006: require(path.join(agoraDir, 'src', 'RtmTokenBuilder.js')),
}

// Runs eduauth-token; returns { status, stdout, stderr }. APP_* variables are not inherited.
function tool(args, input = '', env = {}) {
  const cleanEnv = { ...process.env }
  delete cleanEnv.APP_ID
  delete cleanEnv.APP_CERTIFICATE
  const r = spawnSync(TOOL, args, { input, env: { ...cleanEnv, ...env }, encoding: 'utf8', maxBuffer: 1 << 24 })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

// Runs eduauth-token and expects exit 0; returns stdout without its final newline.
function toolOk(args, input = '') {
  const r = tool(args, input)
  assert.equal(r.status, 0, `eduauth-token ${args[0]} failed (exit ${r.status}): ${r.stderr}`)
  return r.stdout.replace(/\n$/, '')
}

const int16 = v => (v << 16) >> 16 // agora-token reads the APaaS role as unsigned (65535 for -1)
const text = v => (Buffer.isBuffer(v) ? v.toString('utf8') : v)

// The fields each 007 service type carries (token-format.md §2.3).
const SERVICE_FIELDS = {
  1: ['channel_name', 'account'],
  2: ['user_id'],
  3: ['channel_name', 'account'],
  4: [],
  5: ['user_id'],
  6: ['channel_name', 'account'],
  7: ['room_uuid', 'user_uuid', 'role'],
  8: ['user_id', 'permissions'],
}

// permissions as [[resource_type, permission_type, [resources...]], ...] sorted.
function permissionsFromAgora(p) {
  const out = []
  for (const r of Object.keys(p.details).map(Number).sort((a, b) => a - b)) {
    for (const t of Object.keys(p.details[r]).map(Number).sort((a, b) => a - b)) {
      out.push([r, t, p.details[r][t].map(text)])
    }
  }
  return out
}

// Our JSON form's permissions, whichever of the natural shapes to_json picked.
function permissionsFromOurs(p) {
  if (p === undefined) return []
  const out = []
  if (Array.isArray(p)) {
    for (const e of p) out.push([e.resource_type, e.permission_type, e.resources])
  } else {
    for (const r of Object.keys(p)) for (const t of Object.keys(p[r])) out.push([Number(r), Number(t), p[r][t]])
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1])
}

// A 007 token as agora-token parses it, in the common shape.
function agoraFields007(token) {
  const t = new agora.AccessToken2.AccessToken2()
  assert.ok(t.from_string(token), 'agora-token AccessToken2.from_string rejected the token')
  return {
    app_id: text(t.appId),
    issue_ts: t.issueTs,
    expire: t.expire,
    salt: t.salt,
    services: t.services.map(s => {
      const type = s.service_type()
      const out = { type, privileges: {} }
      for (const [k, v] of Object.entries(s.__privileges)) out.privileges[Number(k)] = v
      const raw = {
        channel_name: text(s.__channel_name),
        account: text(type === 1 ? s.__uid : s.__account),
        user_id: text(s.__user_id),
        room_uuid: text(s.__room_uuid),
        user_uuid: text(s.__user_uuid),
        role: s.__role === undefined ? undefined : int16(s.__role),
        permissions: s.__permissions ? permissionsFromAgora(s.__permissions) : undefined,
      }
      for (const f of SERVICE_FIELDS[type] || []) out[f] = raw[f]
      return out
    }),
  }
}

// A 007 token as `eduauth-token decode` reports it, in the common shape.
function ourFields007(token) {
  const j = JSON.parse(toolOk(['decode', token]))
  assert.equal(j.version, '007')
  return {
    app_id: j.app_id,
    issue_ts: j.issue_ts,
    expire: j.expire,
    salt: j.salt,
    services: j.services.map(s => {
      const out = { type: s.type, privileges: {} }
      for (const p of s.privileges) out.privileges[p.id] = p.value
      for (const f of SERVICE_FIELDS[s.type] || []) out[f] = f === 'permissions' ? permissionsFromOurs(s[f]) : s[f]
      return out
    }),
  }
}

// agora-token's own verification of a 007 token.
function agoraVerifies007(token, certificate) {
  const t = new agora.AccessToken2.AccessToken2()
  return t.from_string(token) && t.verifySignature(certificate)
}

// A 006 token as agora-token parses it, in the common shape.
function agoraFields006(token) {
  const t = new agora.AccessToken.AccessToken()
  assert.ok(t.fromString(token), 'agora-token AccessToken.fromString rejected the token')
  const privileges = {}
  for (const [k, v] of Object.entries(t.messages)) privileges[Number(k)] = v
  return {
    app_id: t.appID,
    signature_hex: Buffer.from(t.signature).toString('hex'),
    crc_channel_name: t.crc_channel_name,
    crc_uid: t.crc_uid,
    salt: t.salt,
    ts: t.ts,
    privileges,
  }
}

function ourFields006(token) {
  const j = JSON.parse(toolOk(['decode', token]))
  assert.equal(j.version, '006')
  const privileges = {}
  for (const p of j.privileges) privileges[p.id] = p.value
  return {
    app_id: j.app_id,
    signature_hex: j.signature_hex,
    crc_channel_name: j.crc_channel_name,
    crc_uid: j.crc_uid,
    salt: j.salt,
    ts: j.ts,
    privileges,
  }
}

// The 006 references have no verify (spec §3.3): agora-token re-signs the same message for
// (channel, uid) and must produce the identical token string (006 has no compression).
function agoraResign006(token, certificate, channelName, uidString) {
  const parsed = agoraFields006(token)
  const t = new agora.AccessToken.AccessToken(parsed.app_id, certificate, channelName, uidString)
  t.salt = parsed.salt
  t.ts = parsed.ts
  for (const [k, v] of Object.entries(parsed.privileges)) t.addPriviledge(Number(k), v)
  return t.build()
}

module.exports = {
  VECTORS,
  agora,
  tool,
  toolOk,
  agoraFields007,
  ourFields007,
  agoraVerifies007,
  agoraFields006,
  ourFields006,
  agoraResign006,
}
