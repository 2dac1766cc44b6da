/**
 * British English: the reference catalogue. Every key here must exist in every other language
 * (the type of `cy` enforces it; a test checks the `{param}` names match).
 */
export const enGB = {
  'ext.name': 'Second Look',
  'ext.description': "Warns school staff before they post something that breaks their school's social media policy. Everything stays on your device.",
  'action.title': 'Second Look settings',

  'warning.title.post': 'Second Look: check before you post',
  'warning.title.action': 'Second Look: check before you go ahead',
  'warning.held.post': "Your post has not been sent. It may break your school's social media policy.",
  'warning.held.comment': "Your comment has not been sent. It may break your school's social media policy.",
  'warning.held.message': "Your message has not been sent. It may break your school's social media policy.",
  'warning.held.profile': "Your profile has not been saved. It may break your school's social media policy.",
  'warning.maybe': "This may break your school's social media policy.",
  'warning.allowed.post': 'OK. Your post will go as it is when you press the button again.',
  'warning.allowed.comment': 'OK. Your comment will go as it is when you press the button again.',
  'warning.allowed.message': 'OK. Your message will go as it is when you press the button again.',
  'warning.allowed.profile': 'OK. Your profile will be saved as it is when you press the button again.',
  'warning.edit.post': 'Edit my post',
  'warning.edit.comment': 'Edit my comment',
  'warning.edit.message': 'Edit my message',
  'warning.edit.profile': 'Edit my profile',
  'warning.anyway.post': 'Post anyway',
  'warning.policy': 'Policy: {clause}',
  'warning.privacy': 'Checked on this device. Nothing is sent or reported to anyone.',
  'warning.live': 'Second Look: {summary} {items}',
  'warning.liveItem': '{words}: {title}.',
  'warning.public': 'Your audience is Public: anyone can see this, so each warning counts one step higher.',
  'warning.report.intro': 'Your policy asks you to report this. Copy the text below and send it yourself:',
  'warning.report.copy': 'Copy report text',
  'warning.report.copied': 'Copied',
  'warning.cancel': 'Cancel',
  'warning.anyway.action': '{verb} anyway',
  'warning.action.allowed': 'OK. Press {verb} again to go ahead.',
  'warning.action.accept-friend': "Not done yet: accepting this friend request may break your school's social media policy.",
  'warning.action.send-friend': "Not done yet: sending this friend request may break your school's social media policy.",
  'warning.action.follow-person': "Not done yet: following this person may break your school's social media policy.",
  'warning.action.follow-account': "Not done yet: following this account may break your school's social media policy.",
  'warning.action.approve-follow': "Not done yet: approving this follow request may break your school's social media policy.",
  'warning.action.endorse': "Not done yet: endorsing this person may break your school's social media policy.",
  'warning.action.other': "Not done yet: this may break your school's social media policy.",

  'options.language': 'Language',
  'options.language.help': 'The language of Second Look’s warnings and this page.',
} as const;

export type MessageKey = keyof typeof enGB;
