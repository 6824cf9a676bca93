// Capitalised words that are ordinary English (sentence starts, months, titles): never taken for a
// misspelt name, however close they come to one.
const WORDS = `
a about above after again against all also although always among an and another any anyone are around as at
back be because been before being below besides between both but by can could did do does done down during
each early either else even ever every few first for four from further had has have having he her here hers
him his how however i if in inside instead into is it its just last later least less like many may me
meanwhile more moreover most much must my near nearly neither never nevertheless next no none nor not
nothing now of off often on once one only onto or other others otherwise our out over own perhaps quite
rather same second several she should since so some soon still such than that the their them then there
therefore these they third this those though three through thus to together too towards two under unless
until up upon us very was we were what whatever when where whereas whether which while who whom whose why
will with within without would yet you your
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday spring summer autumn winter
secretary general premier commissar marshal chairman president tsar tsarina king queen emperor prince
leader leaders minister chief head deputy comrade comrades party soviet soviets union russia russian
russians german germany germans british britain america american french france europe european western
eastern north south east west northern southern army navy police state states government people trial
trials terror purge purges plan plans war wars peace revolution congress committee council court church
communist communism communists socialist socialism capitalist fascist fascism nazi nazis bolshevik
bolsheviks menshevik mensheviks kulak kulaks worker workers peasant peasants class cause causes reason
reasons factor factors event events timeline key figures notes note summary introduction conclusion
essay question answer example evidence source sources historian historians view views argument overall
economics economy economic political politics social military religion culture propaganda industry
industrial agriculture collectivisation collectivization famine death deaths murder murders show secret
great grand new old young many most also evidence result results effect effects impact stalinism
leninism marxism trotskyism trotskyist trotskyists zinovievite
died dies born castle china chinese japan japanese korea korean vietnam cuba cuban italy italian poland
polish spain spanish wales welsh england english scotland ireland kenya egypt cairo india berlin paris
london vienna munich prague warsaw budapest moscow tokyo
alexander alexei andrei anna boris catherine charles david edward elizabeth frederick george henry ivan
james john joseph karl leon maria mary michael mikhail nicholas nikolai paul peter sergei vladimir william
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
