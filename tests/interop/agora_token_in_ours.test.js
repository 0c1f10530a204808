// Direction 2: tokens agora-token 2.0.6 builds (its 007 builders and the legacy 006 ones) decode
// with `eduauth-token decode` to the fields agora-token itself parses, and verify with
// `eduauth-token verify` (exit 0 "valid"; exit 1 with another certificate).
'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const lib = require('./lib')

const CERT = '5CFd2fd1755d40ecb72977518be15d3b'
const APP_ID = '970CA35de60c44645bbae8a215061b33'
const WRONG_CERT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'
const { RtcTokenBuilder, RtcRole, RtmTokenBuilder, ChatTokenBuilder, EducationTokenBuilder, ApaasTokenBuilder,
  FpaTokenBuilder, Rtm2Permissions } = lib.agora.index

function permissions() {
  const p = new Rtm2Permissions()
  p.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['lobby', 'class-1'])
  p.add(Rtm2Permissions.kStreamChannels, Rtm2Permissions.kWrite, ['s1'])
  p.add(Rtm2Permissions.kUsers, Rtm2Permissions.kRead, [])
  return p
}

const BUILT_007 = {
  'RtcTokenBuilder.buildTokenWithUid publisher': () =>
    RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'class-1', 2882341273, RtcRole.PUBLISHER, 600, 300),
  'RtcTokenBuilder.buildTokenWithUid subscriber uid 0': () =>
    RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'class-1', 0, RtcRole.SUBSCRIBER, 600),
  'RtcTokenBuilder.buildTokenWithUserAccount': () =>
    RtcTokenBuilder.buildTokenWithUserAccount(APP_ID, CERT, 'class-1', 'u🙂', RtcRole.PUBLISHER, 3600, 3600),
  'RtcTokenBuilder.buildTokenWithUidAndPrivilege': () =>
    RtcTokenBuilder.buildTokenWithUidAndPrivilege(APP_ID, CERT, 'c', 4294967295, 900, 800, 0, 700, 600),
  'RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege': () =>
    RtcTokenBuilder.BuildTokenWithUserAccountAndPrivilege(APP_ID, CERT, 'c', '0', 900, 1, 2, 3, 4),
  'RtcTokenBuilder.buildTokenWithRtm': () =>
    RtcTokenBuilder.buildTokenWithRtm(APP_ID, CERT, 'c', 'teacher', RtcRole.PUBLISHER, 1200, 600),
  'RtcTokenBuilder.buildTokenWithRtm2': () =>
    RtcTokenBuilder.buildTokenWithRtm2(APP_ID, CERT, 'c', 'rtc-acct', RtcRole.PUBLISHER, 1200, 10, 20, 30, 40, 'rtm-user', 900),
  'RtmTokenBuilder.buildToken': () => RtmTokenBuilder.buildToken(APP_ID, CERT, '老师01', 3600),
  'RtmTokenBuilder.buildTokenWithPermissions': () =>
    RtmTokenBuilder.buildTokenWithPermissions(APP_ID, CERT, 'rtm2-user', permissions(), 3600),
  'ChatTokenBuilder.buildUserToken': () => ChatTokenBuilder.buildUserToken(APP_ID, CERT, 'chatter', 600),
  'ChatTokenBuilder.buildAppToken': () => ChatTokenBuilder.buildAppToken(APP_ID, CERT, 600),
  'EducationTokenBuilder.buildRoomUserToken': () =>
    EducationTokenBuilder.buildRoomUserToken(APP_ID, CERT, 'room-1', 'user-1', 2, 600),
  'EducationTokenBuilder.buildUserToken': () => EducationTokenBuilder.buildUserToken(APP_ID, CERT, 'user-1', 600),
  'EducationTokenBuilder.buildAppToken': () => EducationTokenBuilder.buildAppToken(APP_ID, CERT, 600),
  'ApaasTokenBuilder.buildRoomUserToken': () =>
    ApaasTokenBuilder.buildRoomUserToken(APP_ID, CERT, 'room-2', 'user-2', 1, 900),
  'FpaTokenBuilder.buildToken': () => FpaTokenBuilder.buildToken(APP_ID, CERT),
}

for (const [name, build] of Object.entries(BUILT_007)) {
  test(`007 from agora-token ${name}: decodes to the same fields and verifies with eduauth`, () => {
    const token = build()
    assert.ok(token.startsWith('007'), `${name} built nothing`)
    const theirs = lib.agoraFields007(token)
    const ours = lib.ourFields007(token)
    assert.deepEqual(ours, theirs)
    assert.ok(ours.services.length >= 1)

    const ok = lib.tool(['verify', token, '--app-certificate', CERT])
    assert.equal(ok.status, 0, ok.stderr)
    assert.equal(ok.stdout, 'valid\n')
    const wrong = lib.tool(['verify', token, '--app-certificate', WRONG_CERT])
    assert.equal(wrong.status, 1, wrong.stderr)
    assert.equal(wrong.stdout, 'signature mismatch\n')
  })
}

test('agora-token turns APaaS role 0 into -1 (spec §4.9); eduauth decodes what is on the wire', () => {
  const token = EducationTokenBuilder.buildRoomUserToken(APP_ID, CERT, 'room-1', 'user-1', 0, 600)
  const apaas = lib.ourFields007(token).services.find(s => s.type === 7)
  assert.equal(apaas.role, -1)
  const ours = lib.toolOk(['build', 'education-room-user', '--app-id', APP_ID, '--app-certificate', CERT,
    '--room-uuid', 'room-1', '--user-uuid', 'user-1', '--role', '0'])
  assert.equal(lib.agoraFields007(ours).services.find(s => s.type === 7).role, 0)
})

const BUILT_006 = {
  'RtcTokenBuilder (006) buildTokenWithUid publisher': {
    build: ts => lib.agora.RtcTokenBuilder006.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'class-1', 2882341273, 1, ts),
    channel: 'class-1', uid: ['--uid', '2882341273'],
  },
  'RtcTokenBuilder (006) buildTokenWithUid uid 0 subscriber': {
    build: ts => lib.agora.RtcTokenBuilder006.RtcTokenBuilder.buildTokenWithUid(APP_ID, CERT, 'class-1', 0, 2, ts),
    channel: 'class-1', uid: ['--uid', '0'],
  },
  'RtcTokenBuilder (006) buildTokenWithAccount': {
    build: ts => lib.agora.RtcTokenBuilder006.RtcTokenBuilder.buildTokenWithAccount(APP_ID, CERT, 'c', '老师01', 101, ts),
    channel: 'c', uid: ['--account', '老师01'],
  },
  'RtmTokenBuilder (006) buildToken': {
    build: ts => lib.agora.RtmTokenBuilder006.RtmTokenBuilder.buildToken(APP_ID, CERT, 'test_user', 1, ts),
    channel: 'test_user', uid: ['--uid', '0'],
  },
}

for (const [name, c] of Object.entries(BUILT_006)) {
  test(`006 from agora-token ${name}: decodes to the same fields and verifies with eduauth`, () => {
    const privilegeTs = Math.floor(Date.now() / 1000) + 3600
    const token = c.build(privilegeTs)
    assert.deepEqual(lib.ourFields006(token), lib.agoraFields006(token))
    const decoded = JSON.parse(lib.toolOk(['decode', token]))
    assert.equal(decoded.expires_at, Math.min(decoded.ts, privilegeTs), 'expiry is the earliest absolute time')

    const ok = lib.tool(['verify', token, '--app-certificate', CERT, '--channel-name', c.channel, ...c.uid])
    assert.equal(ok.status, 0, ok.stderr)
    assert.equal(ok.stdout, 'valid\n')
    const otherChannel = lib.tool(['verify', token, '--app-certificate', CERT, '--channel-name', c.channel + 'x', ...c.uid])
    assert.equal(otherChannel.status, 1, otherChannel.stderr)
    const wrong = lib.tool(['verify', token, '--app-certificate', WRONG_CERT, '--channel-name', c.channel, ...c.uid])
    assert.equal(wrong.status, 1, wrong.stderr)
  })
}
