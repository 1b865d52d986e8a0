"""Hand-written sentence frames for the conflictual PLOVER types (REQUEST ... ASSAULT).

Same line format as `frames_coop.py`: `mode|modality|template`.
"""

from __future__ import annotations

FRAMES: dict[str, str] = {
    "REQUEST": """
assist|a|{L} [appealed|called] for international [aid|help] for the victims of the floods.
assist|a|{S} asked {IGO} for a {$} emergency loan {T}.
assist|a|{M} requested [military assistance|air support] from {S2}.
assist|a|H:{S} Seeks Aid From {IGO}
assist|a|Aid agencies urged donors to [fund|support] relief operations in {C}.
change|a|{IGO} [urged|called on] {S} to [reform|overhaul] its electoral law.
change|a|{CR} demanded the resignation of {L}.
change|a|{L} called for an end to corruption in the [police|judiciary].
change|a|{S2} pressed {S} to [scrap|repeal] the new media law.
change|a|{NGO} demanded that the government [abolish|end] the death penalty.
yield|a|{L} demanded that {ARM} release {PPL} [immediately|without conditions].
yield|a|{IGO} [urged|called on] both sides to observe the ceasefire.
yield|a|{S} called on {S2} to lift the [blockade|sanctions] {T}.
yield|a|{S} demanded the withdrawal of foreign troops from its territory.
yield|a|H:{IGO} Urges {S} To Free [Detained Journalists|Political Prisoners]
meet|a|{L} [invited|asked] {L2} to hold talks in {C}.
meet|a|{ARM} called for [negotiations|direct talks] with the government.
meet|a|{S} requested an emergency meeting of {IGO} {T}.
-|a|{S} asked {S2} to [explain|clarify] the presence of its warships near the coast.
-|a|{L} [urged|appealed to] citizens to stay calm ahead of the verdict.
-|a|{IGO} ordered {S} to [hand over|surrender] the suspects to the tribunal.
-|h|{L} could ask {IGO} to send peacekeepers, aides said.
""",
    "ACCUSE": """
disapprove|a|{M} [condemned|denounced] the attack on {C} {T}.
disapprove|a|{L} [criticised|slammed] {S2}'s decision to [close the border|expel the envoy].
disapprove|a|{S} summoned the ambassador of {S2} to protest the [incursion|remarks].
disapprove|a|H:{S} Condemns {S2} Missile Test
disapprove|a|{IGO} [deplored|decried] the use of force against [protesters|civilians].
disapprove|a|{NGO} said the new law was a [grave|serious] setback for human rights.
disapprove|a|{L} [lashed out at|rebuked] {IGO} over its handling of {TOP}.
disapprove|a|{S} lodged a formal complaint with {S2} over the [airspace violation|detention of its citizens].
disapprove|a|{S} voiced [strong objections|dismay] at the annexation vote.
investigate|a|{M} [opened|launched] an investigation into the deaths of {PPL}.
investigate|a|Prosecutors in {C} are investigating {L} for [bribery|money laundering].
investigate|a|{IGO} set up a commission of inquiry into abuses in {S}.
investigate|a|H:{IGO} Probes [War Crimes|Abuses] In {S}
investigate|a|Investigators from {S} [examined|looked into] allegations of vote rigging.
allege|a|{S} accused {S2} of [arming|backing|financing] {ARM}.
allege|a|{L} alleged that {S2} had meddled in the election.
allege|a|Prosecutors [charged|indicted] {PPL} with [fraud|terrorism|espionage] {T}.
allege|a|{NGO} accused {POL} of torturing detainees.
allege|a|{CO} [sued|filed a lawsuit against] {S} over the seizure of its assets.
allege|a|{S} blamed {ARM} for the [bombing|attack] in {C}.
allege|a|A former aide testified that {L} had ordered the crackdown.
allege|a|{M} said {ARM} were responsible for the massacre of [villagers|civilians].
""",
    "REJECT": """
-|a|{S} [rejected|dismissed] the proposal by {S2} for a [joint commission|new border line].
-|a|{L} refused to [meet|negotiate with] {ARM}.
-|a|H:{S} Rejects {IGO} Demands
-|a|{ARM} [turned down|spurned] the government's offer of amnesty.
-|a|{S} [vetoed|blocked] a resolution on {TOP} at {IGO}.
-|a|{M} [denied|dismissed] claims that it was [arming|funding] the rebels.
-|a|{S} declined to [sign|join] the agreement on {TOP}.
assist|a|{S} [refused|rejected] a request from {S2} for [military aid|a loan].
assist|a|{S} turned away a ship carrying [refugees|migrants] {T}.
assist|a|{S} barred {NGO} from entering the country.
change|a|{L} [ruled out|rejected calls for] early elections.
change|a|Parliament voted down a bill to [reform|limit] presidential powers.
change|a|{M} rejected demands to [reform|disband] the police.
yield|a|{S} refused to [release|free] {PPL} despite international pressure.
yield|a|{ARM} rejected calls for a ceasefire {T}.
yield|a|{L} said {S} would not lift the [blockade|sanctions] on {S2}.
meet|a|{L} [cancelled|called off] a planned meeting with {L2}.
meet|a|{S} [boycotted|pulled out of] the peace talks in {C}.
meet|a|{ARM} refused to attend the talks brokered by {IGO}.
-|a|{S} [defied|ignored] a ruling by {IGO} on the disputed waters.
-|a|{L} rebuffed {S2}'s overtures, saying {S} would not be pressured.
""",
    "THREATEN": """
violence|a|{L} threatened to [use force|attack] if {S2} crossed the border.
violence|a|{ARM} warned that they would [strike|attack] government targets in {C}.
violence|a|H:{S} Threatens Military Action Against {S2}
violence|a|{L} warned of [a devastating response|retaliation] to any attack.
restrict|a|{S} threatened to [close|shut] its border with {S2}.
restrict|a|{CR} threatened to [strike|block the roads] if their demands were not met.
restrict|a|{M} warned it could [ban|outlaw] the opposition party.
arrest|a|{M} warned that [protesters|organisers] would be arrested.
arrest|a|{POL} threatened to detain journalists covering the rally.
arrest|a|A court issued an arrest warrant for {L} in absentia.
relations|a|{S} threatened to [sever|cut|downgrade] ties with {S2}.
relations|a|{ARM} threatened to [walk out of|quit] the peace talks.
relations|a|{L} warned that {S} could [suspend|freeze] cooperation with {IGO}.
expel|a|{S} threatened to expel {S2}'s ambassador.
expel|a|{M} warned it would expel [aid groups|UN staff] accused of spying.
territory|a|{ARM} threatened to seize the [oil fields|capital].
territory|a|{L} warned that {S} might annex the disputed islands.
-|a|{S} [issued|gave] {S2} an ultimatum to withdraw by Friday.
-|a|{S} threatened {S2} with sanctions over {TOP}.
-|a|{L} warned {S2} of [serious|grave] consequences if it pressed ahead.
-|a|{S} [hinted|signalled] it might [impose tariffs|retaliate] against {S2}.
""",
    "PROTEST": """
demo|a|{CR} [marched|rallied|demonstrated] in {C} {T} against the [new tax|election result].
demo|a|Thousands took to the streets of {C} to protest [rising prices|the arrest of {PPL}].
demo|a|H:{CR} Rally In {C} Against [Government|Fuel Price Hike]
demo|a|{CR} staged a sit-in outside the parliament in {C}.
demo|a|A protest against {TOP} drew large crowds in {C}.
demo|a|{CR} gathered outside the embassy of {S2} to denounce the [war|treaty].
demo|f|{CR} plan to march on the presidential palace {T}.
riot|a|Rioters [torched|set fire to] cars and shops in {C}.
riot|a|Protests in {C} turned violent as {CR} clashed with [police|security forces].
riot|a|{CR} [stormed|ransacked] the [parliament|governor's office] in {C}.
strike|a|{CR} went on strike {T} demanding higher wages.
strike|a|A general strike paralysed {C}.
strike|a|H:[Dockworkers|Teachers|Doctors] Strike In {S}
hunger|a|{PPL} [began|went on] a hunger strike in prison {T}.
hunger|a|{N} detainees refused food to protest their detention.
boycott|a|Opposition parties boycotted the [election|vote|parliament session] {T}.
boycott|a|{CR} called for a boycott of goods from {S2}.
obstruct|a|{CR} [blocked|barricaded] the main highway into {C}.
obstruct|a|{CR} occupied the [university|mine|square] to protest the [closure|decision].
vandalize|a|{CR} [defaced|toppled] a statue of the former dictator in {C}.
""",
    "SANCTION": """
discontinue|a|{S} imposed [sanctions|an arms embargo] on {S2} {T}.
discontinue|a|{S} [severed|cut|broke off] diplomatic ties with {S2}.
discontinue|a|{IGO} froze the assets of {N} officials from {S}.
discontinue|a|H:{S} Slaps Tariffs On {S2} Imports
discontinue|a|{S} suspended [flights|trade|gas deliveries] to {S2} {T}.
discontinue|a|{S} halted imports of [grain|beef|electronics] from {S2}.
discontinue|a|{S} [cancelled|scrapped] its arms deal with {S2}.
expel|a|{S} expelled {N} diplomats from {S2} {T}.
expel|a|{IGO} suspended {S} from the bloc over the coup.
expel|a|{S} ordered the ambassador of {S2} to leave within 48 hours.
expel|a|The ruling party expelled {L} over his criticism of the leadership.
withdraw|a|{S} [recalled|withdrew] its ambassador from {S2}.
withdraw|a|{S} withdrew from {IGO} {T}.
withdraw|a|H:{S} Quits [Arms Control Treaty|{IGO}]
withdraw|a|{S} pulled its [observers|peacekeepers|aid workers] out of {S2}.
convict|a|A court in {C} [convicted|found guilty] {PPL} of [corruption|treason].
convict|a|{L} was sentenced to [five|ten] years in prison for [fraud|incitement].
convict|a|The constitutional court declared the emergency decree unconstitutional.
convict|a|A tribunal ordered {S} to pay {$} in damages to {CO}.
-|a|{S} [downgraded|reduced] its diplomatic presence in {C}.
-|a|{S} cut [military aid|funding] to {S2} {T}.
""",
    "MOBILIZE": """
troops|a|{S} [deployed|sent|massed] troops along its border with {S2}.
troops|a|{S} put its army on high alert {T}.
troops|a|H:{S} Masses Troops On {S2} Border
troops|a|{S} [mobilised|called up] {N} reservists.
troops|a|{S} moved [an armoured brigade|extra battalions] towards {C}.
troops|a|{S} staged military exercises near the border with {S2}.
weapons|a|{S} [test-fired|launched] a ballistic missile {T}.
weapons|a|{S} sent warships to the disputed waters.
weapons|a|{S} [positioned|stationed] missile batteries near {C}.
weapons|a|H:{S} Tests New [Missile|Hypersonic Weapon]
weapons|a|{S} scrambled fighter jets after [a drone|aircraft from {S2}] approached its airspace.
police|a|{POL} were deployed across {C} ahead of the [rally|verdict].
police|a|{M} put [police|security forces] on alert in {C}.
police|a|Authorities stationed armoured police vehicles at key junctions in {C}.
militia|a|{ARM} [mobilised|recruited] {N} fighters in the north.
militia|a|{ARM} massed fighters on the outskirts of {C}.
militia|a|Tribal leaders [armed|mobilised] their followers as tensions rose.
-|a|{S} [raised|increased] its military readiness {T}.
-|f|{S} will deploy [additional|more] troops to the [region|border].
-|a|{S} [reinforced|bolstered] its garrison on the disputed island.
""",
    "COERCE": """
arrest|a|{POL} [arrested|detained|rounded up] {PPL} in {C} {T}.
arrest|a|{L} was taken into custody at his home in {C}.
arrest|a|H:{S} Detains {PPL}
arrest|a|{N} opposition members were [detained|jailed] ahead of the vote.
seize|a|{POL} [raided|searched] the offices of {NGO} {T}.
seize|a|Authorities confiscated the passports of {PPL}.
seize|a|{S} [seized|impounded] a tanker flying the flag of {S2}.
restrict|a|{M} banned [the opposition party|public gatherings] {T}.
restrict|a|{POL} sealed off {C} and set up checkpoints.
restrict|a|{S} barred {PPL} from leaving the country.
censor|a|{S} [blocked|restricted] access to [social media|news websites] {T}.
censor|a|{M} shut down [an independent newspaper|two television stations].
curfew|a|Authorities imposed a curfew in {C} {T}.
curfew|a|H:{S} Orders [Night-time|Dusk-to-dawn] Curfew In {C}
martial-law|a|{L} declared a state of emergency in {C}.
martial-law|a|{S} imposed martial law in the [northern provinces|capital].
deport|a|{S} deported {N} [migrants|foreign nationals] to {S2}.
deport|a|{S} expelled a foreign journalist accused of [spying|bias].
withhold|a|Authorities cut off [internet access|electricity|water] to {C}.
misinformation|a|{S} ran a disinformation campaign to discredit {L2}.
cyber|a|Hackers linked to {S} [breached|attacked] the networks of {M}.
cyber|a|A cyberattack [knocked|took] government websites in {S2} offline.
""",
    "ASSAULT": """
-|a|{ARM} attacked an army post near {C} {T}.
-|a|Fighting between {S} and {ARM} [killed|left dead] {N} people.
-|a|{ARM} and government forces clashed in {C} {T}.
aerial|a|{S} [carried out|launched] airstrikes on {C} {T}.
aerial|a|Warplanes [bombed|pounded] rebel positions near {C}.
aerial|a|H:{S} Jets Strike {C}
drone|a|A drone strike killed {N} [militants|people] in {C}.
drone|a|{S} attacked {C} with [drones|explosive drones] overnight.
heavy-weapons|a|{S} [shelled|fired rockets at] {C} {T}.
heavy-weapons|a|Artillery fire hit residential areas of {C}.
explosives|a|A car bomb exploded in {C}, killing {N} people.
explosives|a|A roadside bomb struck a [military convoy|police patrol] near {C}.
suicide-attack|a|A suicide bomber blew himself up at a [market|checkpoint] in {C}.
firearms|a|Gunmen opened fire on [worshippers|a bus|a wedding party] in {C}.
firearms|a|{ARM} ambushed a patrol, shooting dead {N} soldiers.
abduct|a|{ARM} [kidnapped|abducted] {PPL} near {C} {T}.
abduct|a|H:[Gunmen|Militants] Abduct {PPL} In {C}
targeted|a|{L} was assassinated in {C} {T}.
targeted|a|{ARM} executed {N} captured soldiers.
beat|a|{POL} beat [protesters|detainees] with batons.
torture|a|Detainees were tortured in a secret prison in {C}, witnesses said.
crowd-control|a|{POL} fired tear gas and water cannon at {CR} in {C}.
primitive|a|Attackers armed with machetes killed {N} villagers near {C}.
destroy|a|{ARM} [blew up|destroyed] a bridge and a power station near {C}.
sexual|a|{NGO} said soldiers [raped|sexually assaulted] women in {C}.
unconventional|a|Chemical weapons were used against [civilians|fighters] in {C}.
""",
}
