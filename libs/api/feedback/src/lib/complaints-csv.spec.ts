import { type CsvChannel, parseComplaintsCsv } from './complaints-csv';

const CHANNELS: CsvChannel[] = [
  { id: '00000000-0000-4000-8000-000000000001', kind: 'letter_box', label: 'Letter box' },
  { id: '00000000-0000-4000-8000-000000000002', kind: 'email', label: 'Practice email' },
  { id: '00000000-0000-4000-8000-000000000003', kind: 'email', label: 'Manager email' },
];
const parse = (csv: string) => parseComplaintsCsv(csv, CHANNELS, '2025-06-30', null);

describe('parseComplaintsCsv', () => {
  it('reads UK dates, labels and codes, a BOM and a quoted cell spanning lines', () => {
    const result = parse(
      '\ufeffReceived On,Channel,Summary,Age band,Complainant status\n' +
        '05/03/2025,letter box,"Two lines,\nwith a comma",0–15,Relative or carer\n',
    );
    expect(result.problems).toEqual([]);
    expect(result.items[0]).toMatchObject({
      receivedOn: '2025-03-05',
      channelId: CHANNELS[0].id,
      summary: 'Two lines,\nwith a comma',
      kind: 'complaint',
      sentiment: 'negative',
      coding: {
        ageBand: 'age_0_15',
        complainantStatus: 'relative_carer',
        subjectAreas: [],
        staffGroups: [],
      },
      later: { status: 'received', steps: [] },
    });
  });

  it('numbers rows as a spreadsheet does and refuses an ambiguous channel kind', () => {
    const result = parse(
      'received_on,channel,summary\n2025-01-01,email,a\n2025-01-02,Practice email,b\n2025-01-03,letter_box,c,extra\n',
    );
    expect(result.items).toEqual([]);
    expect(result.problems).toEqual([
      {
        row: 2,
        field: 'channel',
        message: expect.stringContaining('Several channels match "email"'),
      },
      { row: 4, field: null, message: 'The row has 4 cells but the header has 3 columns.' },
    ]);
  });

  it('refuses more rows than one import takes', () => {
    const rows = Array.from({ length: 5001 }, () => '2025-01-01,Letter box,x').join('\n');
    expect(parse(`received_on,channel,summary\n${rows}`).problems).toEqual([
      { row: 1, field: null, message: expect.stringContaining('At most 5000 rows') },
    ]);
  });
});
