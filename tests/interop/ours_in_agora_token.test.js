// Direction 1: tokens eduauth builds (eduauth-token build-vector / build KIND) are accepted by
// agora-token 2.0.6 (parse + verify) and decode there to the same payload fields. Compressed
// strings are not compared: Node's zlib emits different (equally valid) deflate bytes.
'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const lib = require('./lib')

const CERT = '5CFd2fd1755d40ecb72977518be15d3b'
const APP_ID = '970CA35de60c44645bbae8a215061b33'
const WRONG_CERT = '5CFd2fd1755d40ecb72977518be15d3c'

const positive = lib.VECTORS.positive

test('every positive 007 vector replayed by eduauth verifies in agora-token with equal fields', () => {
  const vectors = positive.filter(v => v.format === '007')
  assert.ok(vectors.length >= 40)
  for (const v of vectors) {
    const ours = lib.toolOk(['build-vector', '-'], JSON.stringify(v))
    assert.equal(ours, v.expected_token, `${v.id}: build-vector differs from expected_token`)
    assert.ok(lib.agoraVerifies007(ours, v.inputs.app_certificate), `${v.id}: agora-token verify failed`)
    assert.ok(!lib.agoraVerifies007(ours, WRONG_CERT), `${v.id}: agora-token verified with a wrong certificate`)
    assert.deepEqual(lib.agoraFields007(ours), lib.ourFields007(ours), `${v.id}: fields differ`)
  }
})

test('every positive 006 vector replayed by eduauth parses in agora-token and re-signs identically', () => {
  const vectors = positive.filter(v => v.format === '006')
  assert.ok(vectors.length >= 8)
  for (const v of vectors) {
    const ours = lib.toolOk(['build-vector', '-'], JSON.stringify(v))
    assert.deepEqual(lib.agoraFields006(ours), lib.ourFields006(ours), `${v.id}: fields differ`)
    const resigned = lib.agoraResign006(ours, v.inputs.app_certificate, v.signed_channel, v.signed_uid)
    assert.equal(resigned, ours, `${v.id}: agora-token signs the same message differently`)
  }
})

// `build KIND` with the clock and salt left to the tool: what a user of the CLI gets.
const KINDS_007 = [
  {
    args: ['education-user', '--user-uuid', 'student-7', '--expire', '900'],
    services: [{ type: 7, privileges: { 2: 900 }, room_uuid: '', user_uuid: 'student-7', role: -1 }],
  },
  { args: ['education-app', '--expire', '600'], services: [{ type: 7, privileges: { 3: 600 }, room_uuid: '', user_uuid: '', role: -1 }] },
  { args: ['rtm', '--user-id', '老师01', '--expire', '3600'], services: [{ type: 2, privileges: { 1: 3600 }, user_id: '老师01' }] },
  {
    args: ['rtc-uid', '--channel-name', 'class-1', '--uid', '2882341273', '--expire', '600', '--privilege-expire', '300'],
    services: [{ type: 1, privileges: { 1: 300, 2: 300, 3: 300, 4: 300 }, channel_name: 'class-1', account: '2882341273' }],
  },
  {
    args: ['rtc-uid', '--channel-name', 'class-1', '--uid', '0', '--role', 'subscriber'],
    services: [{ type: 1, privileges: { 1: 0 }, channel_name: 'class-1', account: '' }],
  },
  {
    args: ['rtc-account', '--channel-name', 'c', '--account', 'u🙂', '--role', 'publisher', '--expire', '60'],
    services: [{ type: 1, privileges: { 1: 0, 2: 0, 3: 0, 4: 0 }, channel_name: 'c', account: 'u🙂' }],
  },
  {
    args: ['rtc-rtm', '--channel-name', 'c', '--account', 'a', '--role', 'subscriber', '--expire', '120'],
    services: [
      { type: 1, privileges: { 1: 0 }, channel_name: 'c', account: 'a' },
      { type: 2, privileges: { 1: 120 }, user_id: 'a' },
    ],
  },
  { args: ['chat-user', '--user-id', 'chatter', '--expire', '700'], services: [{ type: 5, privileges: { 1: 700 }, user_id: 'chatter' }] },
  { args: ['chat-app', '--expire', '800'], services: [{ type: 5, privileges: { 2: 800 }, user_id: '' }] },
  { args: ['fpa'], expire: 86400, services: [{ type: 4, privileges: { 1: 0 } }] },
]

test('tokens from `eduauth-token build KIND` verify in agora-token with the fields asked for', () => {
  for (const kind of KINDS_007) {
    const token = lib.toolOk(['build', ...kind.args, '--app-id', APP_ID, '--app-certificate', CERT])
    assert.ok(lib.agoraVerifies007(token, CERT), `${kind.args[0]}: agora-token verify failed`)
    const theirs = lib.agoraFields007(token)
    assert.deepEqual(theirs, lib.ourFields007(token), kind.args[0])
    assert.equal(theirs.app_id, APP_ID)
    const expireIndex = kind.args.indexOf('--expire')
    assert.equal(theirs.expire, kind.expire ?? (expireIndex >= 0 ? Number(kind.args[expireIndex + 1]) : 3600))
    assert.ok(Math.abs(theirs.issue_ts - Date.now() / 1000) < 300, `${kind.args[0]}: issue_ts is not now`)
    assert.ok(theirs.salt >= 1 && theirs.salt <= 99999999, `${kind.args[0]}: salt ${theirs.salt}`)
    assert.deepEqual(theirs.services, kind.services, kind.args[0])
  }
})

test('the education room-user token: ours carries the APaaS room-user privilege, agora-token omits it', () => {
  const expire = 600
  const token = lib.toolOk(['build', 'education-room-user', '--app-id', APP_ID, '--app-certificate', CERT,
    '--room-uuid', 'room-42', '--user-uuid', 'test_user', '--role', '2', '--expire', String(expire)])
  assert.ok(lib.agoraVerifies007(token, CERT))
  const ours = lib.agoraFields007(token)
  const chatId = require('node:crypto').createHash('md5').update('test_user').digest('hex')
  assert.deepEqual(ours.services, [
    { type: 2, privileges: { 1: expire }, user_id: 'test_user' },
    { type: 5, privileges: { 1: expire }, user_id: chatId },
    { type: 7, privileges: { 1: expire }, room_uuid: 'room-42', user_uuid: 'test_user', role: 2 },
  ])
  // agora-token's own builder with the same inputs (spec §4.9: a known defect of the nodejs reference).
  const theirs = lib.agoraFields007(
    lib.agora.index.EducationTokenBuilder.buildRoomUserToken(APP_ID, CERT, 'room-42', 'test_user', 2, expire))
  assert.deepEqual(theirs.services[2].privileges, {}, 'agora-token now writes the APaaS privilege: update this test')
  assert.deepEqual(ours.services[2].privileges, { 1: expire })
  assert.deepEqual(theirs.services.slice(0, 2), ours.services.slice(0, 2), 'RTM and Chat services agree')
})

test('006 tokens from `eduauth-token build` parse in agora-token and re-sign identically', () => {
  const clock = Math.floor(Date.now() / 1000)
  const cases = [
    { args: ['rtm-006', '--account', 'test_user', '--privilege-expire', String(clock + 3600)], channel: 'test_user', uid: '', privileges: { 1000: clock + 3600 } },
    { args: ['rtc-006-uid', '--channel-name', 'c1', '--uid', '2882341273', '--role', 'subscriber', '--privilege-expire', String(clock + 60)], channel: 'c1', uid: '2882341273', privileges: { 1: clock + 60 } },
    { args: ['rtc-006-uid', '--channel-name', 'c1', '--uid', '0'], channel: 'c1', uid: '', privileges: { 1: 0, 2: 0, 3: 0, 4: 0 } },
    { args: ['rtc-006-account', '--channel-name', 'c2', '--account', '老师01', '--role', 'admin'], channel: 'c2', uid: '老师01', privileges: { 1: 0, 2: 0, 3: 0, 4: 0 } },
  ]
  for (const c of cases) {
    const token = lib.toolOk(['build', ...c.args, '--app-id', APP_ID, '--app-certificate', CERT])
    const fields = lib.agoraFields006(token)
    assert.deepEqual(fields, lib.ourFields006(token), c.args[0])
    assert.deepEqual(fields.privileges, c.privileges, c.args[0])
    assert.ok(Math.abs(fields.ts - (clock + 86400)) < 300, `${c.args[0]}: ts ${fields.ts} is not now + 24 h`)
    assert.equal(lib.agoraResign006(token, CERT, c.channel, c.uid), token, c.args[0])
    assert.notEqual(lib.agoraResign006(token, WRONG_CERT, c.channel, c.uid), token, c.args[0])
  }
})
