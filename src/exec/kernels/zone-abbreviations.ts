import { resolveTimeZone, type TimeZone } from '../../common/values/time-zone.js';

/**
 * PostgreSQL's default time zone abbreviations (share/timezonesets/Default), which
 * AT TIME ZONE and timezone() try before the IANA names: 'CET' is a fixed +01 even in
 * summer, 'PST' is -08, 'IST' is Israel's +02. Values are seconds east of Greenwich; an
 * abbreviation PostgreSQL defines through a zone name ('MSK' = Europe/Moscow) follows
 * that zone (PostgreSQL takes the abbreviation's offset in that zone, nearly always the same).
 */
const TABLE =
  'ACDT=37800 ACSST=37800 ACST=34200 ACT=-18000 ACWST=31500 ADT=-10800 AEDT=39600 ' +
  'AESST=39600 AEST=36000 AFT=16200 AKDT=-28800 AKST=-32400 ALMST=25200 ALMT=21600 ' +
  'AMST=Asia/Yerevan AMT=-14400 ANAST=Asia/Anadyr ANAT=Asia/Anadyr ' +
  'ARST=America/Argentina/Buenos_Aires ART=America/Argentina/Buenos_Aires AST=-14400 ' +
  'AWSST=32400 AWST=28800 AZOST=0 AZOT=-3600 AZST=Asia/Baku AZT=Asia/Baku BDST=7200 ' +
  'BDT=21600 BNT=28800 BORT=28800 BOT=-14400 BRA=-10800 BRST=-7200 BRT=-10800 BST=3600 ' +
  'BTT=21600 CADT=37800 CAST=34200 CCT=28800 CDT=-18000 CEST=7200 CET=3600 CETDST=7200 ' +
  'CHADT=49500 CHAST=45900 CHUT=36000 CKT=Pacific/Rarotonga CLST=-10800 CLT=America/Santiago ' +
  'COT=-18000 CST=-21600 CXT=25200 DAVT=Antarctica/Davis DDUT=36000 EASST=Pacific/Easter ' +
  'EAST=Pacific/Easter EAT=10800 EDT=-14400 EEST=10800 EET=7200 EETDST=10800 EGST=0 ' +
  'EGT=-3600 EST=-18000 FET=10800 FJST=46800 FJT=43200 FKST=Atlantic/Stanley ' +
  'FKT=Atlantic/Stanley FNST=-3600 FNT=-7200 GALT=-21600 GAMT=-32400 GEST=Asia/Tbilisi ' +
  'GET=Asia/Tbilisi GFT=-10800 GILT=43200 GMT=0 GYT=America/Guyana HKT=28800 HST=-36000 ' +
  'ICT=25200 IDT=10800 IOT=Indian/Chagos IRKST=Asia/Irkutsk IRKT=Asia/Irkutsk IRT=12600 ' +
  'IST=7200 JAYT=32400 JST=32400 KDT=36000 KGST=21600 KGT=Asia/Bishkek KOST=Pacific/Kosrae ' +
  'KRAST=Asia/Krasnoyarsk KRAT=Asia/Krasnoyarsk KST=32400 LHDT=Australia/Lord_Howe ' +
  'LHST=37800 LIGT=36000 LINT=Pacific/Kiritimati LKT=Asia/Colombo MAGST=Asia/Magadan ' +
  'MAGT=Asia/Magadan MART=-34200 MAWT=Antarctica/Mawson MDT=-21600 MEST=7200 MESZ=7200 ' +
  'MET=3600 METDST=7200 MEZ=3600 MHT=43200 MMT=23400 MPT=36000 MSD=14400 MSK=Europe/Moscow ' +
  'MST=-25200 MUST=18000 MUT=14400 MVT=18000 MYT=28800 NDT=-9000 NFT=-12600 ' +
  'NOVST=Asia/Novosibirsk NOVT=Asia/Novosibirsk NPT=20700 NST=-12600 NUT=Pacific/Niue ' +
  'NZDT=46800 NZST=43200 NZT=43200 OMSST=Asia/Omsk OMST=Asia/Omsk PDT=-25200 PET=-18000 ' +
  'PETST=Asia/Kamchatka PETT=Asia/Kamchatka PGT=36000 PHT=28800 PKST=21600 PKT=18000 ' +
  'PMDT=-7200 PMST=-10800 PONT=39600 PST=-28800 PWT=32400 PYST=-10800 PYT=America/Asuncion ' +
  'RET=14400 SADT=37800 SAST=7200 SCT=14400 SGT=Asia/Singapore TAHT=-36000 TFT=18000 ' +
  'TJT=18000 TKT=Pacific/Fakaofo TMT=Asia/Ashgabat TOT=46800 TRUT=36000 TVT=43200 UCT=0 ' +
  'ULAST=32400 ULAT=Asia/Ulaanbaatar UT=0 UTC=0 UYST=-7200 UYT=-10800 UZST=21600 UZT=18000 ' +
  'VET=America/Caracas VLAST=Asia/Vladivostok VLAT=Asia/Vladivostok VOLT=Europe/Volgograd ' +
  'VUT=39600 WADT=28800 WAKT=43200 WAST=25200 WAT=3600 WDT=32400 WET=0 WETDST=3600 WFT=43200 ' +
  'WGST=-7200 WGT=-10800 XJT=21600 YAKST=Asia/Yakutsk YAKT=Asia/Yakutsk YAPT=36000 ' +
  'YEKST=21600 YEKT=Asia/Yekaterinburg Z=0 ZULU=0 ';
const abbreviations = new Map<string, TimeZone>();
for (const entry of TABLE.trim().split(/\s+/)) {
  const [name = '', value = ''] = entry.split('=');
  const lower = name.toLowerCase();
  const offset = Number(value);
  abbreviations.set(
    lower,
    Number.isNaN(offset)
      ? { name, offsetAt: (micros) => resolveTimeZone(value).offsetAt(micros) }
      : { name, offsetAt: () => offset },
  );
}

/**
 * The zone a timezone() argument names: an abbreviation first (case-insensitive), then
 * what the TimeZone setting accepts (IANA names, POSIX offsets such as '+05:00', which
 * PostgreSQL reads with POSIX's sign: west of Greenwich is positive). 22023 otherwise.
 */
export function zoneByName(name: string): TimeZone {
  return abbreviations.get(name.trim().toLowerCase()) ?? resolveTimeZone(name);
}
