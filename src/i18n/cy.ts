/**
 * Cymraeg. Whole sentences per case, with the mutations each needs ("fy mhostiad", "fy
 * mhroffil"). Written by the team; a review by a Welsh-speaking teacher is welcome.
 */
import type { MessageKey } from './en-GB';

export const cy: Record<MessageKey, string> = {
  'ext.name': 'Second Look',
  'ext.description': 'Yn rhybuddio staff ysgol cyn iddynt bostio rhywbeth sy’n torri polisi cyfryngau cymdeithasol eu hysgol. Mae popeth yn aros ar eich dyfais.',
  'action.title': 'Gosodiadau Second Look',

  'warning.title.post': 'Second Look: gwiriwch cyn postio',
  'warning.title.action': 'Second Look: gwiriwch cyn bwrw ymlaen',
  'warning.held.post': 'Nid yw eich postiad wedi’i anfon. Gallai dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.held.comment': 'Nid yw eich sylw wedi’i anfon. Gallai dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.held.message': 'Nid yw eich neges wedi’i hanfon. Gallai dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.held.profile': 'Nid yw eich proffil wedi’i gadw. Gallai dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.maybe': 'Gallai hyn dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.allowed.post': 'Iawn. Bydd eich postiad yn mynd fel y mae pan fyddwch yn pwyso’r botwm eto.',
  'warning.allowed.comment': 'Iawn. Bydd eich sylw yn mynd fel y mae pan fyddwch yn pwyso’r botwm eto.',
  'warning.allowed.message': 'Iawn. Bydd eich neges yn mynd fel y mae pan fyddwch yn pwyso’r botwm eto.',
  'warning.allowed.profile': 'Iawn. Bydd eich proffil yn cael ei gadw fel y mae pan fyddwch yn pwyso’r botwm eto.',
  'warning.edit.post': 'Golygu fy mhostiad',
  'warning.edit.comment': 'Golygu fy sylw',
  'warning.edit.message': 'Golygu fy neges',
  'warning.edit.profile': 'Golygu fy mhroffil',
  'warning.anyway.post': 'Postio beth bynnag',
  'warning.policy': 'Polisi: {clause}',
  'warning.privacy': 'Gwiriwyd ar y ddyfais hon. Does dim yn cael ei anfon na’i adrodd i neb.',
  'warning.live': 'Second Look: {summary} {items}',
  'warning.liveItem': '{words}: {title}.',
  'warning.public': 'Mae eich cynulleidfa’n Gyhoeddus: gall unrhyw un weld hyn, felly mae pob rhybudd yn cyfrif un cam yn uwch.',
  'warning.report.intro': 'Mae eich polisi’n gofyn i chi roi gwybod am hyn. Copïwch y testun isod a’i anfon eich hun:',
  'warning.report.copy': 'Copïo testun yr adroddiad',
  'warning.report.copied': 'Wedi’i gopïo',
  'warning.cancel': 'Canslo',
  'warning.anyway.action': '{verb} beth bynnag',
  'warning.action.allowed': 'Iawn. Pwyswch {verb} eto i fwrw ymlaen.',
  'warning.action.accept-friend': 'Heb ei wneud eto: gallai derbyn y cais ffrind hwn dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.action.send-friend': 'Heb ei wneud eto: gallai anfon y cais ffrind hwn dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.action.follow-person': 'Heb ei wneud eto: gallai dilyn y person hwn dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.action.follow-account': 'Heb ei wneud eto: gallai dilyn y cyfrif hwn dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.action.approve-follow': 'Heb ei wneud eto: gallai cymeradwyo’r cais dilyn hwn dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.action.endorse': 'Heb ei wneud eto: gallai cymeradwyo’r person hwn dorri polisi cyfryngau cymdeithasol eich ysgol.',
  'warning.action.other': 'Heb ei wneud eto: gallai hyn dorri polisi cyfryngau cymdeithasol eich ysgol.',

  'options.language': 'Iaith',
  'options.language.help': 'Iaith rhybuddion Second Look a’r dudalen hon.',
};
