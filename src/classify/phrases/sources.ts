// Where the phrase tables' wordings come from, named once for all the tables. A table's own
// sources (an RFC section, a provider's page) are written beside its phrases.
export const MISC = 'observed in notices of several MTAs';
export const POSTFIX = 'observed in Postfix notices';
export const GOOGLE = 'Gmail SMTP errors: https://support.google.com/a/answer/3726730';
export const DE = 'German wording of localized servers';
export const FR = 'French wording of localized servers';
export const ES = 'Spanish wording of localized servers';
export const PT = 'Portuguese wording of localized servers';
export const IT = 'Italian wording of localized servers';
export const RU = 'Russian wording of localized servers';
export const JA = 'Japanese wording of localized servers';
export const ZH = 'Chinese wording of localized servers';
