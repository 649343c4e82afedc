import { describe, expect, it } from 'vitest';
import { indexLink, indexLinkId, LINK_EVENT_TYPE } from './eventIndex.ts';
import { isCanonicalUuid } from './streamNames.ts';

describe('the event index', () => {
  const eventId = '01890a5d-ac96-774b-bcce-b302099a8057';

  it('links an event id to <revision>@<stream>, as the server’s link events do', () => {
    const link = indexLink(eventId, 'member-1', 4n);
    expect(link).toMatchObject({ kind: 'binary', type: LINK_EVENT_TYPE });
    expect(link.kind === 'binary' && new TextDecoder().decode(link.data)).toBe('4@member-1');
  });

  it('gives the link an id derived from the event id, so that writing it again is a retry', () => {
    expect(indexLinkId(eventId)).toBe(indexLinkId(eventId));
    expect(indexLinkId(eventId)).not.toBe(indexLinkId('01890a5d-ac96-774b-bcce-b302099a8058'));
    expect(isCanonicalUuid(indexLinkId(eventId))).toBe(true);
    expect(indexLinkId(eventId)).not.toBe(eventId);
  });
});
