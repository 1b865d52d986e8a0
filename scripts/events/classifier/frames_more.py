"""More frames per type, written for lexical variety: synonyms, nominalisations, light verbs,
passives, reported speech and relative clauses. Same line format as `frames_coop.py`."""

from __future__ import annotations

FRAMES: dict[str, str] = {
    "AGREE": """
-|a|{S} [promised|pledged|vowed|undertook] to [hold talks|resume negotiations|restore relations] with {S2}.
-|a|{L} said {S} [was willing|was prepared|stood ready] to [help|join] efforts to end the war in {S2}.
-|a|The [deal|accord|agreement], reached {T} in {C}, commits {S} to [cut|reduce] [emissions|tariffs].
-|a|{ARM}, which agreed to the truce {T}, [said|insisted] it would respect it.
-|a|{S} [offered|proposed] to host the next round of peace talks.
-|a|{S} and {S2} [announced|unveiled] a framework agreement on {TOP}.
-|a|There was agreement between {S} and {S2} on the need to [reopen|secure] the border.
-|a|{L} gave his [word|promise] that the [election|referendum] would take place on schedule.
""",
    "CONSULT": """
-|a|{L} [hosted|welcomed|received] {L2} [at his residence|in the capital|at the palace] {T}.
-|a|The [meeting|talks|discussion] between {L} and {L2} [took place|was held] in {C} {T}.
visit|a|{L}, who arrived in {C} {T}, [is on|began] a [three-day|two-day|state] visit.
visit|a|During a [stop|visit] in {C}, {L} [sat down with|met] {L2}.
-|a|{M} [consulted|briefed] envoys from {S2} on {TOP}.
-|a|Delegations from {S} and {ARM} [negotiated|bargained] [late into the night|for hours] in {C}.
phone|a|{L} [dialled|rang|called] {L2} to discuss {TOP}, {M} said.
multilateral|a|Leaders of {IGO} [gathered|convened|met] for a [summit|conference] in {C} {T}.
-|a|H:{L} Meets {L2} [In|At] {C}
""",
    "SUPPORT": """
-|a|{S} [voiced|expressed|declared] [solidarity with|backing for|support for] {S2} {T}.
-|a|{L} [lauded|praised|welcomed] the [ceasefire|agreement] as a [step forward|breakthrough].
-|a|{IGO} [endorsed|approved|adopted] a resolution [backing|supporting] the peace deal.
-|a|{S}, which [recognised|recognized] {S2}'s new government {T}, [sent|appointed] an ambassador.
-|a|{S} [normalised|normalized|restored] relations with {S2} after years of hostility.
-|a|The [agreement|treaty|pact] was [ratified|signed] by {S} and {S2} {T}.
-|a|{L} [spoke out in support of|came out in favour of] {L2}'s [plan|proposals].
-|a|H:{S} Recognises {S2}'s New Government
""",
    "CONCEDE": """
-|a|{S} [eased|relaxed|loosened] [restrictions|curbs] on [travel|imports|the press] {T}.
-|a|{L} [granted|announced] an amnesty for [deserters|political prisoners|protesters].
-|a|{M} [abandoned|shelved|withdrew] the [controversial|unpopular] [tax|bill|reform] after protests.
-|a|{S} [yielded|bowed] to pressure from {IGO} and [dropped|scrapped] the [plan|law].
-|a|{L} [apologised|apologized] to [the families of victims|{S2}] for the [incident|massacre].
-|a|{S} [conceded|admitted] that its forces had [made mistakes|killed civilians].
-|a|The [ban|state of emergency|curfew], imposed in [March|May], was lifted {T}.
-|a|H:{S} [Lifts|Eases] Curfew In {C}
""",
    "COOPERATE": """
-|a|{S} and {S2} [conducted|held|staged] [joint|combined] [naval|air|army] [drills|manoeuvres|exercises] {T}.
-|a|{S} [handed|extradited|transferred] a [suspect|fugitive] wanted for {TOP} to {S2}.
-|a|Intelligence agencies of {S} and {S2} [exchanged|shared|pooled] information about {ARM}.
-|a|{S} and {S2} [signed|launched] a [pipeline|rail|power] project to [link|connect] the two countries.
-|a|{CO} [partnered|teamed up] with {S} to [build|develop|run] a [port|power plant|mine].
-|a|The [police|coast guards|customs services] of {S} and {S2} [worked together|cooperated] to [intercept|seize] [drugs|weapons].
-|a|{S} and {S2} [boosted|increased|expanded] [trade|investment|economic ties] {T}.
-|a|H:{S} And {S2} [Hold Joint Drills|Share Intelligence]
""",
    "AID": """
-|a|{S} [dispatched|flew|sent] [medical teams|relief supplies|tents and blankets] to {C} {T}.
-|a|{IGO} [provided|gave|granted] {S} [a loan|a grant|emergency funding] of {$}.
-|a|[Food|Medicine|Aid|Fuel] [supplied|donated|paid for] by {S} [arrived|was delivered] in {C} {T}.
-|a|{S} [offered|granted|gave] [refuge|asylum|protection] to {PPL}.
-|a|{S} [equipped|armed] the [army|police] of {S2} with [drones|rifles|helicopters].
-|a|{IGO} [fed|sheltered|vaccinated] [thousands of|tens of thousands of] [refugees|children] in {C}.
-|a|{S} [bailed out|rescued|propped up] the [economy|currency|banks] of {S2} with {$}.
-|a|H:{IGO} [Approves|Grants] {$} Loan For {S}
""",
    "RETREAT": """
withdraw|a|{S} [pulled|withdrew|moved] its [forces|soldiers|tanks] [back from|out of] {C} {T}.
withdraw|a|[Government forces|{ARM}] [abandoned|evacuated|vacated] their positions in {C}.
release|a|{S} [freed|released|pardoned and released] {PPL} [from jail|from custody|from detention] {T}.
release|a|{ARM} [handed over|released|let go] {N} [hostages|captives] to {IGO}.
disarm|a|[Fighters|Members] of {ARM} [surrendered|handed in|turned in] [their weapons|rifles|arms] {T}.
ceasefire|a|{S} and {ARM} [observed|respected|abided by] the [truce|ceasefire] in {C}.
access|a|{S} [let|allowed] [aid convoys|UN inspectors|journalists] [into|to enter] {C}.
resign|a|{L} [resigned|quit|stepped down] [as|from his post as] [party leader|minister].
""",
    "REQUEST": """
-|a|{L} [urged|called on|asked|appealed to] {S2} to [help|assist|support] {S} [with|in] {TOP}.
-|a|{IGO} [demanded|called for|insisted on] [an investigation|a full inquiry|accountability] into the [killings|massacre].
-|a|{S} [sought|requested|asked for] [extradition|the handover] of {PPL} from {S2}.
-|a|{CR} [called for|demanded] [higher wages|lower fuel prices|new elections].
-|a|{L} [pleaded|appealed] for [calm|restraint|an end to the fighting].
-|a|{S} [asked|urged] {IGO} to [send|deploy] [peacekeepers|monitors|observers] to {C}.
-|a|In a letter to {L2}, {L} [requested|asked for] [a meeting|talks|an urgent call].
-|a|H:{L} Calls For [Calm|Talks|Restraint] In {C}
""",
    "ACCUSE": """
disapprove|a|{S} [strongly condemned|denounced|deplored] the [killing|detention|arrest] of {PPL}.
disapprove|a|{L} [criticised|criticized|attacked] {IGO} [for its silence|for failing to act] on {TOP}.
disapprove|a|{NGO} [condemned|decried|slammed] the [crackdown|verdict|new law] as [unjust|repressive].
disapprove|a|The [move|decision|vote] was [condemned|denounced|criticised] by {S2} as [illegal|provocative].
investigate|a|{IGO} [launched|opened|announced] [an inquiry|a probe|an investigation] into {TOP} in {S}.
investigate|a|{M} said it was investigating [reports|claims|allegations] that {POL} [tortured|killed] detainees.
allege|a|{S} [accused|blamed] {S2} [of violating|for breaching] the ceasefire.
allege|a|{PPL} [were charged|were indicted] [with|on charges of] [corruption|sedition|murder] {T}.
allege|a|{L} [claimed|alleged|charged] that {S2} was [behind|responsible for] the [unrest|attack].
""",
    "REJECT": """
-|a|{S} [flatly rejected|dismissed|brushed aside] [accusations|claims|calls] by {S2}.
-|a|{L} [refused|declined] to [recognise|accept] the [result|ruling|outcome].
-|a|{ARM} [rejected|turned down|refused] [an offer|a proposal|the plan] for [talks|a truce|disarmament].
-|a|{S} said it would not [accept|comply with|honour] the [decision|verdict] of {IGO}.
-|a|{M} [denied|rejected] a request by {S2} to [extradite|hand over] {PPL}.
meet|a|{L} [snubbed|refused to meet|declined to meet] {L2} during the summit in {C}.
-|a|{S} [blocked|rejected|vetoed] {S2}'s [bid|application|request] to join {IGO}.
-|a|H:{S} [Rejects|Refuses] [Peace Plan|Ceasefire Call|Talks Offer]
""",
    "THREATEN": """
violence|a|{ARM} [vowed|threatened|warned] to [kill|attack|target] [soldiers|officials|foreigners] in {C}.
-|a|{L} [warned|threatened] that {S} [would|could] [retaliate|respond with force] against {S2}.
-|a|{S} [threatened|warned] to [impose|slap] [sanctions|tariffs|an embargo] on {S2}.
relations|a|{S} [warned|threatened] it [would|could] [cut off|suspend|break off] [talks|relations|ties] with {S2}.
restrict|a|{M} [threatened|warned it would] [shut down|close|block] [the internet|newspapers|the border].
-|a|{L} [issued|delivered] a [stern|blunt|final] warning to {ARM} {T}.
arrest|a|{L} [threatened|warned he would] [jail|arrest|prosecute] [opposition leaders|journalists|strikers].
-|a|H:{S} Warns {S2} [Of|Over] [Retaliation|Consequences]
""",
    "PROTEST": """
demo|a|[Tens of thousands|Hundreds|Thousands] of {CR} [marched|protested|rallied] through {C} {T}.
demo|a|{CR} [demonstrated|protested|rallied] [outside|in front of] the [ministry|embassy|parliament] in {C}.
demo|a|A [demonstration|rally|march|protest] [against|over] [corruption|the war|price rises] [took place|was held] in {C} {T}.
riot|a|[Angry|Rioting] {CR} [set fire to|burned|looted] [police stations|shops|government buildings] in {C}.
strike|a|{CR} [walked out|downed tools|staged a strike|went on strike] [over pay|over pensions|in protest] {T}.
obstruct|a|{CR} [blockaded|blocked|occupied] [roads|the port|the airport|bridges] in {C}.
boycott|a|{CR} [boycotted|shunned] [classes|the elections|products from {S2}] in protest.
demo|a|H:[Thousands|Protesters] [March|Rally|Protest] In {C}
""",
    "SANCTION": """
discontinue|a|{S} [imposed|slapped|announced] [new sanctions|travel bans|asset freezes] on [officials|companies] from {S2}.
discontinue|a|{S} [suspended|froze|halted] [aid|cooperation|military assistance] to {S2} {T}.
discontinue|a|{S} [broke off|cut|severed|suspended] [relations|ties|contacts] with {S2}.
discontinue|a|{S} [banned|blocked|restricted] imports [of|from] {S2} [goods|grain|steel].
expel|a|{S} [expelled|kicked out|ordered the expulsion of] {N} [diplomats|envoys|embassy staff] of {S2}.
withdraw|a|{S} [withdrew|pulled out|quit] [from the treaty|from the mission|from {IGO}] {T}.
convict|a|A [court|tribunal|judge] in {C} [sentenced|convicted|jailed] {PPL} [for|over] [treason|fraud|espionage].
-|a|H:{S} [Imposes|Announces] [Sanctions|Trade Curbs] On {S2}
""",
    "MOBILIZE": """
troops|a|{S} [sent|rushed|moved|deployed] [reinforcements|troops|soldiers|extra units] to {C} {T}.
troops|a|{S} [massed|gathered|assembled] [tanks|troops|armour] [near|close to|along] the border with {S2}.
weapons|a|{S} [deployed|moved|stationed] [warships|missiles|fighter jets|air defence systems] [near|to] {C}.
weapons|a|{S} [conducted|carried out] a [missile|nuclear|rocket] test {T}.
police|a|[Thousands of|Hundreds of|Extra] [police|police officers|riot police] were [deployed|stationed|sent] in {C} {T}.
-|a|{S} placed its [armed forces|troops|military] on [high alert|combat readiness|full alert].
militia|a|{ARM} [rallied|mobilised|recruited] [fighters|volunteers|young men] [for an offensive|in the north].
-|a|H:{S} [Deploys|Sends] [Troops|Warships] To {C}
""",
    "COERCE": """
arrest|a|{POL} [arrested|detained|seized|picked up] {PPL} [during a raid|at a checkpoint|at their homes] {T}.
arrest|a|{PPL} [were arrested|were detained|were jailed|were taken into custody] [in|near] {C} {T}.
seize|a|{POL} [raided|searched|stormed] the [headquarters|offices|homes] of [the opposition|{NGO}|journalists].
censor|a|{M} [banned|censored|shut down] [a newspaper|a website|a television channel] [critical of|that criticised] the government.
restrict|a|{S} [barred|banned|prohibited] {PPL} from [travelling|running for office|leaving the country].
deport|a|{S} [deported|expelled|removed] {N} [migrants|foreign workers|activists] {T}.
withhold|a|{S} [cut off|shut off|suspended] [power|water|fuel|internet] [supplies|services] to {C}.
cyber|a|[Hackers|A group of hackers] [hacked|breached|attacked] [government servers|the networks of {M}|{CO}].
""",
    "ASSAULT": """
-|a|{ARM} [attacked|raided|stormed|overran] [a village|a military base|a police station|a checkpoint] near {C} {T}.
-|a|[Clashes|Fighting|Battles] between {ARM} and [the army|government troops|{POL}] [killed|left dead|claimed the lives of] {N} people.
firearms|a|[Gunmen|Militants|{ARM}] [shot dead|gunned down|killed] {N} [villagers|soldiers|police officers] in {C}.
aerial|a|[Fighter jets|Warplanes|Helicopter gunships] [bombed|struck|hit] [targets|positions|a convoy] [near|in] {C} {T}.
explosives|a|[A bomb|An explosion|A blast] [ripped through|hit|struck] a [market|mosque|bus station|church] in {C}.
heavy-weapons|a|{S} [bombarded|shelled|pounded] {C} with [artillery|rockets|tank fire] {T}.
abduct|a|[Gunmen|Kidnappers|{ARM}] [seized|snatched|abducted|kidnapped] {PPL} [from their homes|on a highway|near {C}].
targeted|a|{PPL} [were executed|were killed|were assassinated] by {ARM} in {C}.
-|a|H:[Militants|Rebels|Gunmen] [Attack|Kill|Storm] [Village|Army Base|Police Post] In {C}
""",
}
