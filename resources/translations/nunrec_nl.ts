<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="44"/>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="91"/>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="53"/>
        <source>Accounts come from the directory: who may sign in with which role is managed there. This page only shows them.</source>
        <translation>De accounts komen uit de directory: daar wordt beheerd wie met welke rol mag aanmelden. Deze pagina toont ze alleen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="57"/>
        <source>Local accounts of this workspace. Each account belongs to one person.</source>
        <translation>Lokale accounts van deze werkmap. Elk account hoort bij één persoon.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="63"/>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="140"/>
        <source>coach</source>
        <translation>coach</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="64"/>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="140"/>
        <source>IT support</source>
        <translation>IT-medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="65"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="66"/>
        <source>Password again</source>
        <translation>Wachtwoord nogmaals</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="67"/>
        <source>&amp;Add account</source>
        <translation>Account &amp;toevoegen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="74"/>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="75"/>
        <source>Full &amp;name</source>
        <translation>Volledige &amp;naam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="76"/>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="77"/>
        <source>&amp;Password</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="78"/>
        <source>Password a&amp;gain</source>
        <translation>Wachtwoord n&amp;ogmaals</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="90"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="90"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="90"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="90"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="95"/>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="153"/>
        <source>&amp;Disable</source>
        <translation>&amp;Uitschakelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="96"/>
        <source>Lift &amp;lock-out</source>
        <translation>&amp;Blokkade opheffen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="97"/>
        <source>New password</source>
        <translation>Nieuw wachtwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="98"/>
        <source>new password</source>
        <translation>nieuw wachtwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="99"/>
        <source>New password again</source>
        <translation>Nieuw wachtwoord nogmaals</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="100"/>
        <source>new password again</source>
        <translation>nieuw wachtwoord nogmaals</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="101"/>
        <source>&amp;Set password</source>
        <translation>Wachtwoord &amp;instellen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="133"/>
        <source>invalid: unknown role</source>
        <translation>ongeldig: onbekende rol</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="135"/>
        <source>disabled</source>
        <translation>uitgeschakeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="137"/>
        <source>locked until %1</source>
        <translation>geblokkeerd tot %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="139"/>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="153"/>
        <source>&amp;Enable</source>
        <translation>&amp;Inschakelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="157"/>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="199"/>
        <source>The two passwords are not the same.</source>
        <translation>De twee wachtwoorden zijn niet gelijk.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="165"/>
        <source>Account %1 added.</source>
        <translation>Account %1 is toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="177"/>
        <source>Account %1 is disabled.</source>
        <translation>Account %1 is uitgeschakeld.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="177"/>
        <source>Account %1 is enabled.</source>
        <translation>Account %1 is ingeschakeld.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="189"/>
        <source>The lock-out of %1 is lifted.</source>
        <translation>De blokkade van %1 is opgeheven.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/accounts_page.py" line="206"/>
        <source>The password of %1 is set; a lock-out is lifted too.</source>
        <translation>Het wachtwoord van %1 is ingesteld; een eventuele blokkade is ook opgeheven.</translation>
    </message>
</context>
<context>
    <name>AdminOverview</name>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="173"/>
        <source>Administration</source>
        <translation>Beheer</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="178"/>
        <source>As IT support you help the coach: employees and who coaches them, accounts, the recording store, erasure requests, the audit log and the yearly access review. You do not see recordings, evaluations or conversations.</source>
        <translation>Als IT-medewerker ondersteun je de coach: medewerkers en wie hen coacht, accounts, de opnameopslag, verwijderverzoeken, het auditlog en de jaarlijkse toegangsreview. Opnames, beoordelingen en gesprekken zie je niet.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="198"/>
        <source>No access review is due.</source>
        <translation>Er is geen toegangsreview nodig.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/base.py" line="84"/>
        <source>Please confirm</source>
        <translation>Bevestigen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/base.py" line="86"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/base.py" line="87"/>
        <source>No</source>
        <translation>Nee</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../nunrec_desktop/ui/application.py" line="255"/>
        <source>nunrec desktop, version %1. Call coaching for the KCC of the municipality of Nunspeet.</source>
        <translation>nunrec desktop, versie %1. Gesprekscoaching voor het KCC van de gemeente Nunspeet.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/application.py" line="263"/>
        <source>Conversation guideline: %1 (version %2).</source>
        <translation>Gespreksleidraad: %1 (versie %2).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/application.py" line="268"/>
        <source>This is the default guideline shipped with nunrec; the municipality can replace it with its own (IT: see the README).</source>
        <translation>Dit is de standaardleidraad die met nunrec wordt meegeleverd; de gemeente kan hem vervangen door een eigen leidraad (IT: zie de README).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/application.py" line="388"/>
        <source>The recording itself is no longer available.</source>
        <translation>De opname zelf is niet meer beschikbaar.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/application.py" line="410"/>
        <source>A side-by-side session: there is no recording.</source>
        <translation>Een side-by-side sessie: er is geen opname.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/application.py" line="412"/>
        <source>The recording is not in the list right now; the scores and notes are here.</source>
        <translation>De opname staat nu niet in de lijst; de scores en notities staan hier.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/application.py" line="414"/>
        <source>The recording is no longer there; the scores and notes stay.</source>
        <translation>De opname is er niet meer; de oordelen en notities blijven.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="71"/>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="80"/>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="81"/>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="119"/>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="88"/>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="89"/>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="123"/>
        <source>Object id</source>
        <translation>Object-id</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="90"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="92"/>
        <source>Check chain</source>
        <translation>Controleer keten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="105"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="105"/>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="118"/>
        <source>Time</source>
        <translation>Tijdstip</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="120"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="83"/>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="121"/>
        <source>Action</source>
        <translation>Handeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="84"/>
        <source>All actions</source>
        <translation>Alle handelingen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="96"/>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="142"/>
        <source>Anchor file</source>
        <translation>Ankerbestand</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="97"/>
        <source>anchor file outside the database, e.g. on a share</source>
        <translation>ankerbestand buiten de database, bijvoorbeeld op een share</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="98"/>
        <source>Write &amp;anchor</source>
        <translation>&amp;Anker schrijven</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="115"/>
        <source>Audit log entries</source>
        <translation>Regels van het auditlog</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="122"/>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="124"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="125"/>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="126"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="127"/>
        <source>Workstation</source>
        <translation>Werkplek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="173"/>
        <source>%1 entries</source>
        <translation>%1 regels</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="173"/>
        <source>1 entry</source>
        <translation>1 regel</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="177"/>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="191"/>
        <source>Checking the chain...</source>
        <translation>De keten wordt gecontroleerd...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="188"/>
        <source>Give the file the anchor is appended to.</source>
        <translation>Geef het bestand op waaraan het anker wordt toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="206"/>
        <source>Anchor of entry %1 appended to %2.</source>
        <translation>Anker van regel %1 toegevoegd aan %2.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="215"/>
        <source>The chain is intact: %1 entries checked.</source>
        <translation>De keten is intact: %1 regels gecontroleerd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/audit_page.py" line="220"/>
        <source>The chain is NOT intact from entry %1: %2</source>
        <translation>De keten is NIET intact vanaf regel %1: %2</translation>
    </message>
</context>
<context>
    <name>CalibrationPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="84"/>
        <source>Shared call</source>
        <translation>Gedeeld gesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="85"/>
        <source>Open the shared call with &quot;Listen to the call&quot;.</source>
        <translation>Open het gedeelde gesprek met &quot;Gesprek beluisteren&quot;.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="87"/>
        <source>A calibration keeps no marks.</source>
        <translation>Bij een kalibratie worden geen markeringen bewaard.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="89"/>
        <source>This part of the call was answered by another employee: it is not part of the calibration and is not played. The player went to the nearest part of the shared call.</source>
        <translation>Dit deel van het gesprek nam een andere medewerker aan: het hoort niet bij de kalibratie en wordt niet afgespeeld. De speler ging naar het dichtstbijzijnde deel van het gedeelde gesprek.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="94"/>
        <source>Calibration between coaches</source>
        <translation>Kalibratie tussen coaches</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="98"/>
        <source>A call another coach shared for calibration. Fill in the 5A&apos;s on your own; the answers of the others appear once everyone has submitted. The employee is not named.</source>
        <translation>Een gesprek dat een coach heeft gedeeld om te kalibreren. Vul de 5 A&apos;s zelf in; de antwoorden van de anderen verschijnen als iedereen heeft ingevuld. De medewerker wordt niet genoemd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="106"/>
        <source>Calibrations</source>
        <translation>Kalibraties</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="109"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="115"/>
        <source>Answers per criterion</source>
        <translation>Antwoorden per criterium</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="122"/>
        <source>Note with the agreed result (no caller details)</source>
        <translation>Toelichting bij het afgesproken resultaat (geen gegevens van bellers)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="123"/>
        <source>Note with the agreed result</source>
        <translation>Toelichting bij het afgesproken resultaat</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="124"/>
        <source>Submit my answers</source>
        <translation>Mijn antwoorden indienen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="126"/>
        <source>Record the agreed result</source>
        <translation>Afgesproken resultaat vastleggen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="128"/>
        <source>Listen to the call</source>
        <translation>Gesprek beluisteren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="132"/>
        <source>Opens the shared call in the player, for this calibration only, until the result is agreed. Every listen is logged with the purpose calibration.</source>
        <translation>Opent het gedeelde gesprek in de speler, alleen voor deze kalibratie en tot het resultaat is afgesproken. Elke keer luisteren wordt vastgelegd met het doel kalibratie.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="189"/>
        <source>to fill in</source>
        <translation>nog invullen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="189"/>
        <source>waiting for the others</source>
        <translation>wacht op de anderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="190"/>
        <source>to agree</source>
        <translation>te bespreken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="191"/>
        <source>agreed</source>
        <translation>afgesproken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="193"/>
        <source>Call of %1 (%2)</source>
        <translation>Gesprek van %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="225"/>
        <source>No call has been shared for calibration with you.</source>
        <translation>Er is nog geen gesprek met je gedeeld om te kalibreren.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="231"/>
        <source>Filled in by %1 of %2 coaches.</source>
        <translation>Ingevuld door %1 van %2 coaches.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="234"/>
        <source>Everyone has filled it in: compare and agree the result.</source>
        <translation>Iedereen heeft ingevuld: vergelijk en spreek het resultaat af.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="236"/>
        <source>The result was agreed.</source>
        <translation>Het resultaat is afgesproken.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="238"/>
        <source>Shared by %1, duration %2. </source>
        <translation>Gedeeld door %1, duur %2. </translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="218"/>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="242"/>
        <source>Criterion</source>
        <translation>Criterium</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="242"/>
        <source>Agreed</source>
        <translation>Afgesproken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="218"/>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="242"/>
        <source>Your answer</source>
        <translation>Jouw antwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="296"/>
        <source>This call cannot be opened.</source>
        <translation>Dit gesprek kan niet worden geopend.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="305"/>
        <source>employee not named</source>
        <translation>medewerker niet genoemd</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="341"/>
        <source>Your answers are submitted.</source>
        <translation>Je antwoorden zijn ingediend.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="352"/>
        <source>The agreed result is recorded; the spread of the answers is kept.</source>
        <translation>Het afgesproken resultaat is vastgelegd; de spreiding van de antwoorden blijft bewaard.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="357"/>
        <source>No calibration has been completed yet.</source>
        <translation>Er is nog geen kalibratie helemaal ingevuld.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="359"/>
        <source>Over one calibration:</source>
        <translation>Over één kalibratie:</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="361"/>
        <source>Over %1 calibrations together:</source>
        <translation>Over %1 kalibraties samen:</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="366"/>
        <source>%1 % unanimous: %2</source>
        <translation>%1 % eensgezind: %2</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="371"/>
        <source>Krippendorff&apos;s alpha: cannot be computed (too little difference in the answers).</source>
        <translation>Krippendorffs alfa: niet te berekenen (te weinig verschil in de antwoorden).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="374"/>
        <source>Krippendorff&apos;s alpha (ordinal): %1, on fewer than 10 calibrations: not reliable yet.</source>
        <translation>Krippendorffs alfa (ordinaal): %1, op minder dan 10 kalibraties: nog niet betrouwbaar.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/calibration_page.py" line="380"/>
        <source>Krippendorff&apos;s alpha (ordinal): %1</source>
        <translation>Krippendorffs alfa (ordinaal): %1</translation>
    </message>
</context>
<context>
    <name>CallerDataPanel</name>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="51"/>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="57"/>
        <source>Possible caller details</source>
        <translation>Mogelijke gegevens van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="54"/>
        <source>Mask them, or say what a name or an address is instead.</source>
        <translation>Maskeer ze, of zeg bij een naam of adres wat het wel is.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="63"/>
        <source>Mask</source>
        <translation>Maskeren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="64"/>
        <source>Keep as...</source>
        <translation>Behouden als...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="66"/>
        <source>Mask all</source>
        <translation>Alles maskeren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="91"/>
        <source>phone number</source>
        <translation>telefoonnummer</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="92"/>
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="93"/>
        <source>e-mail address</source>
        <translation>e-mailadres</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="94"/>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="95"/>
        <source>bank account number</source>
        <translation>rekeningnummer</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="96"/>
        <source>date of birth</source>
        <translation>geboortedatum</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="97"/>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="99"/>
        <source>caller detail</source>
        <translation>gegeven van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="115"/>
        <source>1 possible caller detail</source>
        <translation>1 mogelijk gegeven van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="117"/>
        <source>%1 possible caller details</source>
        <translation>%1 mogelijke gegevens van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="152"/>
        <source>name of a colleague</source>
        <translation>naam van een collega</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="153"/>
        <source>address or number of an organisation or service</source>
        <translation>adres of nummer van een organisatie of dienst</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="154"/>
        <source>details of the municipality itself</source>
        <translation>gegevens van de gemeente zelf</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="155"/>
        <source>street name as a place</source>
        <translation>straatnaam als plaats</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="165"/>
        <source>Say what this text is instead of a caller&apos;s detail.</source>
        <translation>Zeg wat deze tekst is in plaats van een gegeven van een beller.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/caller_data_panel.py" line="170"/>
        <source>This cannot be kept; mask it. A phone number, BSN, IBAN, date of birth or e-mail address is always masked; a name or an address can be kept as what it is instead.</source>
        <translation>Dit kun je niet behouden; maskeer het. Een telefoonnummer, BSN, rekeningnummer, geboortedatum of e-mailadres wordt altijd gemaskeerd; een naam of adres kun je behouden als wat het wel is.</translation>
    </message>
</context>
<context>
    <name>CoachingPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="46"/>
        <source>Coaching assignments</source>
        <translation>Coachkoppelingen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="53"/>
        <source>&amp;Assign</source>
        <translation>&amp;Koppelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="58"/>
        <source>&amp;Employee</source>
        <translation>&amp;Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="59"/>
        <source>&amp;Coach</source>
        <translation>&amp;Coach</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="60"/>
        <source>&amp;From (inclusive)</source>
        <translation>&amp;Vanaf (inclusief)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="72"/>
        <source>History of the selected employee</source>
        <translation>Geschiedenis van de gekozen medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="77"/>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="77"/>
        <source>From</source>
        <translation>Vanaf</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="77"/>
        <source>Up to and including</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="77"/>
        <source>Remarks</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="78"/>
        <source>Assignment history</source>
        <translation>Geschiedenis van de koppelingen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="82"/>
        <source>Last day of the assignment</source>
        <translation>Laatste dag van de koppeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="83"/>
        <source>E&amp;nd selected assignment</source>
        <translation>Gekozen koppeling &amp;beëindigen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="85"/>
        <source>&amp;Last day</source>
        <translation>&amp;Laatste dag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="114"/>
        <source> (inactive)</source>
        <translation> (inactief)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="126"/>
        <source>There is no active coach account yet; add one on the Accounts page.</source>
        <translation>Er is nog geen actief account van een coach; voeg er een toe bij Accounts.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="142"/>
        <source>overlaps another assignment</source>
        <translation>overlapt met een andere koppeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="144"/>
        <source>%1 days without a coach before it</source>
        <translation>%1 dagen zonder coach ervoor</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="150"/>
        <source>ongoing</source>
        <translation>lopend</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="163"/>
        <source>Choose an employee and a coach.</source>
        <translation>Kies een medewerker en een coach.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="170"/>
        <source>%1 is coached by %2 from %3.</source>
        <translation>%1 wordt vanaf %3 gecoacht door %2.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="186"/>
        <source>The assignment ends after %1.</source>
        <translation>De koppeling eindigt na %1.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/coaching_page.py" line="200"/>
        <source>Nothing was changed.</source>
        <translation>Er is niets gewijzigd.</translation>
    </message>
</context>
<context>
    <name>ConversationDialog</name>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="85"/>
        <source>The feedback conversation</source>
        <translation>Het feedbackgesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="88"/>
        <source>The conversation with %1 about the cycle of %2. What you agree here comes back on the next cycle&apos;s form and in the Dialog pack. Write no caller details.</source>
        <translation>Het gesprek met %1 over de cyclus van %2. Wat je hier afspreekt, zie je terug op het formulier van de volgende cyclus en in de Dialog-voorbereiding. Schrijf geen gegevens van bellers op.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="102"/>
        <source>One agreement per line, e.g. &apos;Ask one extra question | 15-12-2026&apos; (the date is optional)</source>
        <translation>Eén afspraak per regel, bijv. &apos;Eén keer extra doorvragen | 15-12-2026&apos; (de datum mag weg)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="107"/>
        <source>The employee&apos;s own words (optional)</source>
        <translation>In de eigen woorden van de medewerker (niet verplicht)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="110"/>
        <source>Agrees with the feedback</source>
        <translation>eens met de terugkoppeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="111"/>
        <source>Does not agree</source>
        <translation>niet eens</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="112"/>
        <source>Not said</source>
        <translation>niet gezegd</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="117"/>
        <source>On what not?</source>
        <translation>Waarover niet?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="118"/>
        <source>Gone through and confirmed with the employee</source>
        <translation>Samen met de medewerker doorgenomen en bevestigd</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="140"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="142"/>
        <source>Earlier agreements, how did they go?</source>
        <translation>Eerdere afspraken: hoe ging het?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="145"/>
        <source>Agreements for the next cycle</source>
        <translation>Afspraken voor de volgende cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="147"/>
        <source>Reaction of the employee</source>
        <translation>Reactie van de medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="148"/>
        <source>The employee&apos;s view</source>
        <translation>Oordeel van de medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="149"/>
        <source>Disagrees on</source>
        <translation>Niet eens over</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="154"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="155"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="174"/>
        <source>Discard what you typed?</source>
        <translation>Wat je typte weggooien?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="175"/>
        <source>You typed in this conversation. Close it without saving what you typed?</source>
        <translation>Je hebt in dit gesprek getypt. Sluiten zonder op te slaan wat je typte?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="176"/>
        <source>Close without saving</source>
        <translation>Sluiten zonder opslaan</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="177"/>
        <source>Keep typing</source>
        <translation>Verder typen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/conversation_dialog.py" line="210"/>
        <source>Conversation of %1 recorded: %2 agreement(s).</source>
        <translation>Gesprek van %1 vastgelegd. Afspraken: %2.</translation>
    </message>
</context>
<context>
    <name>CriterionRow</name>
    <message>
        <location filename="../../nunrec_desktop/ui/criterion_row.py" line="89"/>
        <source>Explanation</source>
        <translation>Uitleg</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/criterion_row.py" line="89"/>
        <source>Comment</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/criterion_row.py" line="91"/>
        <source>The explanation of this criterion and a field for your comment</source>
        <translation>De uitleg bij dit criterium en een veld voor je toelichting</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/criterion_row.py" line="92"/>
        <source>Explanation: %1</source>
        <translation>Uitleg: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/criterion_row.py" line="99"/>
        <source>Comment (required for: %1)</source>
        <translation>Toelichting (verplicht bij: %1)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/criterion_row.py" line="101"/>
        <source>Comment (optional)</source>
        <translation>Toelichting (optioneel)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/criterion_row.py" line="103"/>
        <source>Comment on: %1</source>
        <translation>Toelichting bij: %1</translation>
    </message>
</context>
<context>
    <name>CycleLine</name>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="44"/>
        <source>Agreements of the last conversation</source>
        <translation>Afspraken uit het laatste gesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="69"/>
        <source>Counts for no cycle.</source>
        <translation>Telt voor geen cyclus.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="71"/>
        <source>No coaching cycle is running for this employee: submitting asks whether to start one.</source>
        <translation>Er loopt geen coachingscyclus voor deze medewerker: bij indienen vragen we of je er een start.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="75"/>
        <source>Counts for: the cycle of %1</source>
        <translation>Telt mee voor: de cyclus van %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="77"/>
        <source> (not drawn)</source>
        <translation> (niet getrokken)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="79"/>
        <source> (drawn)</source>
        <translation> (getrokken)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="81"/>
        <source>, discussed on %1</source>
        <translation>, besproken op %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="84"/>
        <source>Open agreements, ask how they went:</source>
        <translation>Open afspraken, vraag hoe het ging:</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="87"/>
        <source> (before %1)</source>
        <translation> (vóór %1)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="88"/>
        <source>, agreed on %1</source>
        <translation>, afgesproken op %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="93"/>
        <source>1 agreement</source>
        <translation>1 afspraak</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="93"/>
        <source>%1 agreements</source>
        <translation>%1 afspraken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="119"/>
        <source>Not submitted yet: choose whether a new cycle starts.</source>
        <translation>Nog niet ingediend: kies of er een nieuwe cyclus start.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="126"/>
        <source>Start a coaching cycle?</source>
        <translation>Een coachingscyclus starten?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="129"/>
        <source>No coaching cycle is running for this employee. Start a new cycle with this evaluation? Otherwise it counts for no cycle; you can move it to a cycle later.</source>
        <translation>Er loopt geen coachingscyclus voor deze medewerker. Start je met deze beoordeling een nieuwe cyclus? Anders telt ze voor geen cyclus; je kunt haar later naar een cyclus verplaatsen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="133"/>
        <source>Start a new cycle</source>
        <translation>Start een nieuwe cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="134"/>
        <source>Submit without a cycle</source>
        <translation>Indienen zonder cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycle_line.py" line="135"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>CyclesPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="76"/>
        <source>Coaching cycles</source>
        <translation>Coachingscycli</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="80"/>
        <source>Every 4 to 6 weeks a few calls per employee: due from week 4, overdue after week 6. Most urgent first.</source>
        <translation>Elke 4 tot 6 weken een paar gesprekken per medewerker: aan de beurt vanaf week 4, te laat na week 6. Het dringendste bovenaan.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="88"/>
        <source>Employees and their coaching cycle</source>
        <translation>Medewerkers en hun coachingscyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="91"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="92"/>
        <source>Last cycle</source>
        <translation>Laatste cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="93"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="94"/>
        <source>Evaluated in this cycle</source>
        <translation>Beoordeeld in deze cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="95"/>
        <source>Replaced</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="96"/>
        <source>Disappearing within 7 days</source>
        <translation>Verdwijnt binnen 7 dagen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="97"/>
        <source>Feedback conversation</source>
        <translation>Feedbackgesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="107"/>
        <source>Pick calls</source>
        <translation>Kies gesprekken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="109"/>
        <source>Side-by-side session...</source>
        <translation>Side-by-side sessie...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="112"/>
        <source>Picked calls</source>
        <translation>Gekozen gesprekken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="114"/>
        <source>Replace this pick</source>
        <translation>Vervang deze keuze</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="116"/>
        <source>Draws another call in its place; the replacement is recorded with the draw.</source>
        <translation>Trekt een ander gesprek in de plaats hiervan; de vervanging wordt bij de trekking vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="160"/>
        <source>%1 / %2 evaluated</source>
        <translation>%1 / %2 beoordeeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="203"/>
        <source>No calls picked for %1 yet. &apos;Pick calls&apos; draws them.</source>
        <translation>Nog geen gesprekken gekozen voor %1. &apos;Kies gesprekken&apos; trekt ze.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="211"/>
        <source>Choose an employee first.</source>
        <translation>Kies eerst een medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="243"/>
        <source>%1 calls drawn for %2 are not evaluated yet. Drawing again replaces them.</source>
        <translation>%1 gesprekken die voor %2 zijn getrokken, zijn nog niet beoordeeld. Opnieuw kiezen vervangt ze.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="245"/>
        <source>1 call drawn for %2 is not evaluated yet. Drawing again replaces it.</source>
        <translation>1 gesprek dat voor %2 is getrokken, is nog niet beoordeeld. Opnieuw kiezen vervangt het.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="249"/>
        <source>Draw again</source>
        <translation>Opnieuw kiezen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="264"/>
        <source>Nothing changed: the drawn calls stay as they are.</source>
        <translation>Niets veranderd: de getrokken gesprekken blijven zoals ze zijn.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="307"/>
        <source>Choose the pick to replace first.</source>
        <translation>Kies eerst welk gekozen gesprek je wilt vervangen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="312"/>
        <source>Replace the call of %1 by another call drawn in its place?</source>
        <translation>Het gesprek van %1 vervangen door een ander gesprek dat in de plaats ervan wordt getrokken?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="315"/>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="350"/>
        <source>No suitable calls for %1 now (at least a minute long, not yet evaluated, visible to you).</source>
        <translation>Nu geen geschikte gesprekken voor %1 (minstens een minuut lang, nog niet beoordeeld, zichtbaar voor jou).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="375"/>
        <source>One pick replaced; the replacement is recorded with draw %1 of %2.</source>
        <translation>Eén gekozen gesprek vervangen; de vervanging is vastgelegd bij trekking %1 van %2.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="377"/>
        <source>One pick replaced; draw %1 of %2 now has %3 replacements.</source>
        <translation>Eén gekozen gesprek vervangen; trekking %1 van %2 heeft nu %3 vervangingen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="386"/>
        <source>1 call picked for %2 (draw %3 of %4). Double-click it to listen.</source>
        <translation>1 gesprek gekozen voor %2 (trekking %3 van %4). Dubbelklik om te beluisteren.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="388"/>
        <source>%1 calls picked for %2 (draw %3 of %4). Double-click one to listen.</source>
        <translation>%1 gesprekken gekozen voor %2 (trekking %3 van %4). Dubbelklik op een gesprek om te beluisteren.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="357"/>
        <source>  - evaluated</source>
        <translation>  - beoordeeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/cycles_page.py" line="364"/>
        <source>Draw %1 of %2 for %3: %4 of %5 picked calls evaluated. Double-click one to listen.</source>
        <translation>Trekking %1 van %2 voor %3: %4 van de %5 gekozen gesprekken beoordeeld. Dubbelklik om te beluisteren.</translation>
    </message>
</context>
<context>
    <name>EmployeesPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="31"/>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="55"/>
        <source>Employees</source>
        <translation>Medewerkers</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="36"/>
        <source>e.g. 1042</source>
        <translation>bijv. 1042</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="37"/>
        <source>first name and surname</source>
        <translation>voornaam en achternaam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="38"/>
        <source>&amp;Add employee</source>
        <translation>Medewerker &amp;toevoegen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="42"/>
        <source>Employee &amp;id (telephony)</source>
        <translation>&amp;Id van de medewerker (telefonie)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="42"/>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="54"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="54"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="54"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="54"/>
        <source>Coach today</source>
        <translation>Coach vandaag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="54"/>
        <source>Evaluations</source>
        <translation>Beoordelingen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="60"/>
        <source>New name</source>
        <translation>Nieuwe naam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="61"/>
        <source>new name of the selected employee</source>
        <translation>nieuwe naam van de gekozen medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="62"/>
        <source>&amp;Rename</source>
        <translation>Naam &amp;wijzigen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="63"/>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="112"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Inactief maken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="64"/>
        <source>De&amp;lete</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="94"/>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="94"/>
        <source>inactive</source>
        <translation>inactief</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="95"/>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="96"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="96"/>
        <source>yes (cannot be deleted)</source>
        <translation>ja (kan niet worden verwijderd)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="112"/>
        <source>&amp;Activate</source>
        <translation>&amp;Actief maken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="120"/>
        <source>Employee %1 added.</source>
        <translation>Medewerker %1 is toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="133"/>
        <source>The name of %1 is changed.</source>
        <translation>De naam van %1 is gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="147"/>
        <source>%1 is still coached by %2. Deactivate anyway? End the assignment on the Coaching page.</source>
        <translation>%1 wordt nog gecoacht door %2. Toch inactief maken? Beëindig de koppeling bij Coaching.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="155"/>
        <source>%1 is active again.</source>
        <translation>%1 is weer actief.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="155"/>
        <source>%1 is inactive.</source>
        <translation>%1 is inactief.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="163"/>
        <source>Delete %1 and their assignments?</source>
        <translation>%1 en de koppelingen verwijderen?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/employees_page.py" line="167"/>
        <source>%1 is deleted.</source>
        <translation>%1 is verwijderd.</translation>
    </message>
</context>
<context>
    <name>ErasurePage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="87"/>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="342"/>
        <source>Erasure request</source>
        <translation>Verzoek tot verwijdering</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="91"/>
        <source>A caller asked for the recording of their call to be deleted. Enter the approximate time of the call and the number the caller gives. The number is only used to search: it is not stored or logged.</source>
        <translation>Een beller heeft gevraagd de opname van het gesprek te verwijderen. Vul het geschatte tijdstip van het gesprek in en het nummer dat de beller opgeeft. Het nummer wordt alleen gebruikt om te zoeken: het wordt niet bewaard of gelogd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="120"/>
        <source>e.g. 06-12345678</source>
        <translation>bijv. 06-12345678</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="128"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="130"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="101"/>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="145"/>
        <source>Time of the call (approx.)</source>
        <translation>Tijdstip van het gesprek (ongeveer)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="100"/>
        <source>e.g. 25-11-2026 09:50</source>
        <translation>bijv. 25-11-2026 09:50</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="107"/>
        <source>Calendar...</source>
        <translation>Kalender...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="108"/>
        <source>Pick the date in a calendar</source>
        <translation>Kies de datum in een kalender</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="121"/>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="146"/>
        <source>Caller&apos;s number</source>
        <translation>Nummer van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="122"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="123"/>
        <source>Hide the caller&apos;s number</source>
        <translation>Nummer van de beller verbergen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="129"/>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="147"/>
        <source>Search window (+/-)</source>
        <translation>Zoekvenster (+/-)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="155"/>
        <source>Recordings found</source>
        <translation>Gevonden opnames</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="156"/>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="156"/>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="156"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="166"/>
        <source>Reference of the request, e.g. VZ-2026-017</source>
        <translation>Kenmerk van het verzoek, bijv. VZ-2026-017</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="167"/>
        <source>Reference of the request</source>
        <translation>Kenmerk van het verzoek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="168"/>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="343"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="170"/>
        <source>Delete the chosen recording</source>
        <translation>Gekozen opname verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="211"/>
        <source>Type it as day-month-year hours:minutes, e.g. 25-11-2026 09:50.</source>
        <translation>Typ als dag-maand-jaar uren:minuten, bijv. 25-11-2026 09:50.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="217"/>
        <source>monday,tuesday,wednesday,thursday,friday,saturday,sunday</source>
        <translation>maandag,dinsdag,woensdag,donderdag,vrijdag,zaterdag,zondag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="218"/>
        <source>january,february,march,april,may,june,july,august,september,october,november,december</source>
        <translation>januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="240"/>
        <source>Enter the time of the call, e.g. 25-11-2026 09:50.</source>
        <translation>Vul het tijdstip van het gesprek in, bijv. 25-11-2026 09:50.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="245"/>
        <source>Enter the number the caller gives.</source>
        <translation>Vul het nummer in dat de beller noemt.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="249"/>
        <source>Searching...</source>
        <translation>Bezig met zoeken...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="278"/>
        <source>No recording found. Check the number and the time with the caller, or make the search window larger.</source>
        <translation>Geen opname gevonden. Controleer het nummer en het tijdstip met de beller, of maak het zoekvenster groter.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="281"/>
        <source>1 recording found. Check the time and the employee with the caller.</source>
        <translation>1 opname gevonden. Controleer het tijdstip en de medewerker met de beller.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="283"/>
        <source>%1 recordings found. Choose the caller&apos;s call with them.</source>
        <translation>%1 opnames gevonden. Kies samen met de beller het juiste gesprek.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="289"/>
        <source>1 item in the recording store around this time is invalid or duplicated and was skipped; the caller&apos;s recording may be that one. Have IT check it (details in logs/nunrec.log).</source>
        <translation>1 onderdeel in de opnameopslag rond dit tijdstip is ongeldig of dubbel en is overgeslagen; misschien is dat de opname van de beller. Laat IT het nakijken (details in logs/nunrec.log).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="294"/>
        <source>%1 items in the recording store around this time are invalid or duplicated and were skipped; the caller&apos;s recording may be among them. Have IT check them (details in logs/nunrec.log).</source>
        <translation>%1 onderdelen in de opnameopslag rond dit tijdstip zijn ongeldig of dubbel en zijn overgeslagen; de opname van de beller kan daarbij zitten. Laat IT ze nakijken (details in logs/nunrec.log).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="303"/>
        <source>Search first and choose one recording.</source>
        <translation>Zoek eerst en kies één opname.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="308"/>
        <source>Delete the recording of %1 (%2) for good? This cannot be undone.</source>
        <translation>De opname van %1 (%2) definitief verwijderen? Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="312"/>
        <source>Nothing was deleted.</source>
        <translation>Er is niets verwijderd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="344"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/erasure_page.py" line="325"/>
        <source>The recording of %1 is deleted and will never be shown again.</source>
        <translation>De opname van %1 is verwijderd en wordt nooit meer getoond.</translation>
    </message>
</context>
<context>
    <name>ErrorHooks</name>
    <message>
        <location filename="../../nunrec_desktop/ui/error_hooks.py" line="87"/>
        <source>Something unexpected went wrong. Try again; if it keeps happening, give IT the log file (logs/nunrec.log in the workspace).</source>
        <translation>Er ging iets onverwachts mis. Probeer het opnieuw; gebeurt het vaker, geef IT dan het logbestand (logs/nunrec.log in de werkmap).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/error_hooks.py" line="93"/>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
</context>
<context>
    <name>EvaluationForm</name>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="147"/>
        <source>Evaluation (5A)</source>
        <translation>Beoordeling (5A)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="149"/>
        <source>Open a call to evaluate it.</source>
        <translation>Open een gesprek om het te beoordelen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="177"/>
        <source>What went well</source>
        <translation>Wat ging er goed</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="178"/>
        <source>Development points</source>
        <translation>Ontwikkelpunten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="179"/>
        <source>Notes about the manner of the call (no caller details)</source>
        <translation>Notities over de manier van het gesprek (geen gegevens van de beller)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="278"/>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="578"/>
        <source>Tops</source>
        <translation>Tops</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="279"/>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="578"/>
        <source>Tips</source>
        <translation>Tips</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="280"/>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="578"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="300"/>
        <source>This is the default guideline shipped with nunrec (version %1). The municipality replaces it with its own conversation guideline.</source>
        <translation>Dit is de standaardleidraad van nunrec (versie %1). De gemeente vervangt deze door haar eigen gespreksleidraad.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="314"/>
        <source>When this draft was saved, %1 possible caller details were masked in it. Check the text.</source>
        <translation>Bij het opslaan van dit concept zijn %1 mogelijke gegevens van bellers gemaskeerd. Controleer de tekst.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="372"/>
        <source>Draft - changes not saved yet</source>
        <translation>Concept - wijzigingen nog niet opgeslagen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="421"/>
        <source>Draft - saved automatically; %1 possible caller details are stored masked until you mask or keep them.</source>
        <translation>Concept - automatisch opgeslagen; %1 mogelijke gegevens van bellers zijn gemaskeerd opgeslagen tot je ze maskeert of behoudt.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="427"/>
        <source>The draft could not be saved: %1</source>
        <translation>Het concept kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="434"/>
        <source>Version %1.</source>
        <translation>Versie %1.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="438"/>
        <source>Submitted on %1. Read only.</source>
        <translation>Ingediend op %1. Alleen lezen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="440"/>
        <source>New - stored as a draft from your first answer or note.</source>
        <translation>Nieuw - wordt als concept bewaard vanaf je eerste antwoord of notitie.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="442"/>
        <source>Draft - saved automatically.</source>
        <translation>Concept - automatisch opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="486"/>
        <source>All questions answered</source>
        <translation>Alle vragen beantwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="488"/>
        <source>1 question open</source>
        <translation>Nog 1 vraag open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="490"/>
        <source>%1 questions open</source>
        <translation>Nog %1 vragen open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="494"/>
        <source>1 possible caller detail</source>
        <translation>1 mogelijk gegeven van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="496"/>
        <source>%1 possible caller details</source>
        <translation>%1 mogelijke gegevens van de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="499"/>
        <source>ready to submit</source>
        <translation>klaar om in te dienen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="582"/>
        <source>the note you are typing</source>
        <translation>de notitie die je nu typt</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="587"/>
        <source>comment at %1</source>
        <translation>toelichting bij %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="726"/>
        <source>Not submitted yet: %1. What is open is marked in the form.</source>
        <translation>Nog niet ingediend: %1. Wat nog open is, staat gemarkeerd in het formulier.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="740"/>
        <source>There is no other chosen call left to evaluate in this cycle.</source>
        <translation>Er is in deze cyclus geen ander gekozen gesprek meer om te beoordelen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="463"/>
        <source>%1 open</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="592"/>
        <source>mark %1</source>
        <translation>markering %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="716"/>
        <source>1 question is still open</source>
        <translation>1 vraag is nog open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="718"/>
        <source>%1 questions are still open</source>
        <translation>%1 vragen zijn nog open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="722"/>
        <source>1 possible caller detail is not masked or kept</source>
        <translation>1 mogelijk gegeven van de beller is nog niet gemaskeerd of behouden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="724"/>
        <source>%1 possible caller details are not masked or kept</source>
        <translation>%1 mogelijke gegevens van de beller zijn nog niet gemaskeerd of behouden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="727"/>
        <source> and </source>
        <translation> en </translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_form.py" line="738"/>
        <source>Submitted. A correction becomes a new version; this one stays readable.</source>
        <translation>Ingediend. Een correctie wordt een nieuwe versie; deze blijft leesbaar.</translation>
    </message>
</context>
<context>
    <name>EvaluationWorkspace</name>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_workspace.py" line="44"/>
        <source>Form under the player</source>
        <translation>Formulier onder de speler</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluation_workspace.py" line="46"/>
        <source>For a narrow screen: the 5A form under the player instead of beside it.</source>
        <translation>Voor een smal scherm: het 5A-formulier onder de speler in plaats van ernaast.</translation>
    </message>
</context>
<context>
    <name>EvaluationsPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="77"/>
        <source>Evaluation</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="81"/>
        <source>Evaluate a call with the 5A form beside the player. Here: your evaluations per employee, and the documents for the employee.</source>
        <translation>Je beoordeelt een gesprek met het 5A-formulier naast de speler. Hier vind je je beoordelingen per medewerker, en de documenten voor de medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="90"/>
        <source>Your evaluations per employee</source>
        <translation>Je beoordelingen per medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="91"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="91"/>
        <source>Submitted</source>
        <translation>Ingediend</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="91"/>
        <source>Drafts</source>
        <translation>Concepten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="101"/>
        <source>Feedback for the employee (PDF)...</source>
        <translation>Terugkoppeling voor de medewerker (PDF)...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="102"/>
        <source>Dialog preparation (PDF)...</source>
        <translation>Voorbereiding Dialog-gesprek (PDF)...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="112"/>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="115"/>
        <source>Open drafts</source>
        <translation>Open concepten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="117"/>
        <source>Open draft</source>
        <translation>Concept openen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="165"/>
        <source> - the recording was erased at the caller&apos;s request; scores and notes stay</source>
        <translation> - de opname is op verzoek van de beller verwijderd; oordelen en notities blijven</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="166"/>
        <source> - the recording is no longer available (30 days); scores and notes stay</source>
        <translation> - de opname is niet meer beschikbaar (30 dagen); oordelen en notities blijven</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="172"/>
        <source>%1, side-by-side session of %2</source>
        <translation>%1, side-by-side sessie van %2</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="174"/>
        <source>%1, call of %2</source>
        <translation>%1, gesprek van %2</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="200"/>
        <source>Choose an employee first.</source>
        <translation>Kies eerst een medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="215"/>
        <source>Making the document...</source>
        <translation>Het document wordt gemaakt...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="224"/>
        <source>Saved: %1. Give it to the employee only.</source>
        <translation>Opgeslagen: %1. Geef het alleen aan de medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="232"/>
        <source>Save document</source>
        <translation>Document opslaan</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/evaluations_page.py" line="232"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FeedbackChoiceDialog</name>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="39"/>
        <source>What goes into the feedback</source>
        <translation>Wat er in de terugkoppeling komt</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="42"/>
        <source>Tick the evaluations that go into the feedback for %1. By default: those of the most recent cycle.</source>
        <translation>Vink de beoordelingen aan die in de terugkoppeling voor %1 komen. Standaard: die van de laatste cyclus.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="52"/>
        <source>Write the PDF...</source>
        <translation>PDF maken...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="53"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="71"/>
        <source>cycle of %1</source>
        <translation>cyclus van %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="77"/>
        <source>side-by-side</source>
        <translation>side-by-side</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="77"/>
        <source>call</source>
        <translation>gesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="78"/>
        <source>no cycle</source>
        <translation>geen cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="79"/>
        <source>version %1</source>
        <translation>versie %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="102"/>
        <source>Nothing ticked: tick at least one evaluation.</source>
        <translation>Niets aangevinkt: vink minstens één beoordeling aan.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="114"/>
        <source>The employee will read: %1 call(s) from %2 to %3, %4 mark(s), %5 time(s) tops, %6 tip(s).</source>
        <translation>De medewerker leest %1 van je beoordelingen, van %2 tot en met %3. Markeringen: %4, beoordelingen met tops: %5, tips: %6.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="123"/>
        <source>Agreed actions (conversation of %1): %2.</source>
        <translation>Afgesproken acties (gesprek van %1): %2.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/feedback_choice.py" line="127"/>
        <source>Agreed actions: none yet; the PDF says the conversation is still to come.</source>
        <translation>Afgesproken acties: nog geen; de PDF zegt dat het gesprek nog komt.</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../nunrec_desktop/ui/agreed_actions_panel.py" line="31"/>
        <source> (before %1)</source>
        <translation> (vóór %1)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/agreed_actions_panel.py" line="35"/>
        <source>Still open</source>
        <translation>Nog open</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/agreed_actions_panel.py" line="35"/>
        <source>Done</source>
        <translation>Gedaan</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/agreed_actions_panel.py" line="35"/>
        <source>Dropped</source>
        <translation>Vervalt</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/agreed_actions_panel.py" line="37"/>
        <source>State of: %1</source>
        <translation>Stand van: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/agreed_actions_panel.py" line="39"/>
        <source>Why it is dropped</source>
        <translation>Waarom de afspraak vervalt</translation>
    </message>
</context>
<context>
    <name>FormActions</name>
    <message>
        <location filename="../../nunrec_desktop/ui/form_actions.py" line="32"/>
        <source>Submit</source>
        <translation>Indienen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/form_actions.py" line="35"/>
        <source>Next open question</source>
        <translation>Volgende open vraag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/form_actions.py" line="38"/>
        <source>New version (correct)</source>
        <translation>Nieuwe versie (corrigeren)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/form_actions.py" line="40"/>
        <source>Next chosen call</source>
        <translation>Volgende gekozen gesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/form_actions.py" line="43"/>
        <source>Back to the list</source>
        <translation>Terug naar de lijst</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/form_actions.py" line="94"/>
        <source>Every chosen call of this cycle is evaluated (or no calls were chosen).</source>
        <translation>Alle gekozen gesprekken van deze cyclus zijn beoordeeld (of er zijn geen gesprekken gekozen).</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="67"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="70"/>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="121"/>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="214"/>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="223"/>
        <source>Cycle</source>
        <translation>Cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="74"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="221"/>
        <source>Call</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="221"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="221"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="223"/>
        <source>In feedback</source>
        <translation>In terugkoppeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="96"/>
        <source>Answers: + good or yes, ± sufficient, - point to improve or no. Point at a cell for the words.</source>
        <translation>Antwoorden: + goed of ja, ± voldoende, - verbeterpunt of nee. Wijs een cel aan voor de woorden.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="78"/>
        <source>Period from</source>
        <translation>Periode vanaf</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="79"/>
        <source>Period to</source>
        <translation>Periode tot en met</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="85"/>
        <source>Evaluations of this employee</source>
        <translation>Beoordelingen van deze medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="102"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="104"/>
        <source>Move to another cycle...</source>
        <translation>Naar een andere cyclus...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="106"/>
        <source>Start a new cycle</source>
        <translation>Start een nieuwe cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="108"/>
        <source>Record the conversation...</source>
        <translation>Gesprek vastleggen...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="110"/>
        <source>Share for calibration...</source>
        <translation>Delen voor kalibratie...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="112"/>
        <source>The other coaches hear this call and fill in the 5A&apos;s blind, without the employee&apos;s name.</source>
        <translation>De andere coaches beluisteren dit gesprek en vullen de 5A&apos;s blind in, zonder de naam van de medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="125"/>
        <source>to</source>
        <translation>t/m</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="172"/>
        <source>History of %1</source>
        <translation>Geschiedenis van %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="188"/>
        <source>%1 evaluation(s). Double-click one to read it; correct it there with a new version.</source>
        <translation>Beoordelingen: %1. Dubbelklik om er een te lezen; corrigeer haar daar met een nieuwe versie.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="192"/>
        <source>No evaluations of %1 here yet.</source>
        <translation>Hier nog geen beoordelingen van %1.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="198"/>
        <source>All cycles</source>
        <translation>Alle cycli</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="239"/>
        <source>%1, discussed on %2</source>
        <translation>%1, besproken op %2</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="240"/>
        <source>running</source>
        <translation>loopt</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="240"/>
        <source>still to discuss</source>
        <translation>nog te bespreken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="247"/>
        <source>side-by-side</source>
        <translation>side-by-side</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="247"/>
        <source>recording</source>
        <translation>opname</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="259"/>
        <source>%1, version %2</source>
        <translation>%1, versie %2</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="265"/>
        <source>, not drawn</source>
        <translation>, niet getrokken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="354"/>
        <source>Share a submitted evaluation of a recorded call that is still there.</source>
        <translation>Deel een ingediende beoordeling van een opgenomen gesprek dat er nog is.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="358"/>
        <source>Share for calibration?</source>
        <translation>Delen voor kalibratie?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="361"/>
        <source>Share this call with the other coaches for calibration? They may listen to it for the calibration only, without the employee&apos;s name, and fill in the 5A&apos;s blind; your evaluation stays yours. Recorded in the audit log with the purpose calibration.</source>
        <translation>Dit gesprek delen met de andere coaches voor kalibratie? Zij mogen het alleen voor de kalibratie beluisteren, zonder de naam van de medewerker, en vullen de 5A&apos;s blind in; jouw beoordeling blijft van jou. Dit wordt vastgelegd in het auditlog met het doel kalibratie.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="366"/>
        <source>Share</source>
        <translation>Delen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="367"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="377"/>
        <source>Shared for calibration: the other coaches find it under Calibration (recorded in the audit log).</source>
        <translation>Gedeeld voor kalibratie: de andere coaches vinden het onder Kalibratie (vastgelegd in het auditlog).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="249"/>
        <source> (erased)</source>
        <translation> (gewist)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="250"/>
        <source> (gone)</source>
        <translation> (weg)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="253"/>
        <source>draft</source>
        <translation>concept</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="254"/>
        <source>submitted</source>
        <translation>ingediend</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="255"/>
        <source>corrected</source>
        <translation>gecorrigeerd</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="258"/>
        <source>%1, rev. %2</source>
        <translation>%1, v%2</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="261"/>
        <source>no cycle</source>
        <translation>geen cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="266"/>
        <source>The cycle of %1</source>
        <translation>De cyclus van %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="269"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="269"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="280"/>
        <source>Choose an evaluation first.</source>
        <translation>Kies eerst een beoordeling.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="299"/>
        <source>A new cycle started on %1.</source>
        <translation>Een nieuwe cyclus is gestart op %1.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="309"/>
        <source>There is no other cycle of this employee to move it to.</source>
        <translation>Er is geen andere cyclus van deze medewerker om haar naartoe te verplaatsen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="313"/>
        <source>Move to another cycle</source>
        <translation>Naar een andere cyclus</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="313"/>
        <source>Count this evaluation for the cycle of:</source>
        <translation>Laat deze beoordeling meetellen voor de cyclus van:</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="324"/>
        <source>Moved to the cycle of %1 (recorded in the audit log).</source>
        <translation>Verplaatst naar de cyclus van %1 (vastgelegd in het auditlog).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/history_panel.py" line="332"/>
        <source>There is no cycle to discuss yet.</source>
        <translation>Er is nog geen cyclus om te bespreken.</translation>
    </message>
</context>
<context>
    <name>KeyHelpDialog</name>
    <message>
        <location filename="../../nunrec_desktop/ui/key_help.py" line="109"/>
        <source>Keys and information</source>
        <translation>Toetsen en informatie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/key_help.py" line="110"/>
        <source>Keys on this screen: %1</source>
        <translation>Toetsen op dit scherm: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/key_help.py" line="115"/>
        <source>Keys on this screen</source>
        <translation>Toetsen op dit scherm</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/key_help.py" line="116"/>
        <source>Key</source>
        <translation>Toets</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/key_help.py" line="116"/>
        <source>What it does</source>
        <translation>Wat de toets doet</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/key_help.py" line="126"/>
        <source>Everywhere: Tab and Shift+Tab move between fields, Space chooses, F1 shows this overview. The menu on the left: arrow keys, then Enter.</source>
        <translation>Overal: Tab en Shift+Tab gaan naar het volgende en vorige veld, Spatie kiest, F1 toont dit overzicht. Het menu links: pijltjestoetsen, dan Enter.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/key_help.py" line="132"/>
        <source>About nunrec</source>
        <translation>Over nunrec</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/key_help.py" line="141"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>LiveEvaluateScreen</name>
    <message>
        <location filename="../../nunrec_desktop/ui/live_evaluate.py" line="33"/>
        <source>Side-by-side session: evaluate with the 5A form</source>
        <translation>Side-by-side sessie: beoordelen met het 5A-formulier</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_evaluate.py" line="37"/>
        <location filename="../../nunrec_desktop/ui/live_evaluate.py" line="47"/>
        <source>Observations during the session</source>
        <translation>Observaties tijdens de sessie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_evaluate.py" line="41"/>
        <source>New session</source>
        <translation>Nieuwe sessie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_evaluate.py" line="74"/>
        <source>With %1 on %2, 1 minute. Reason: %4. Nothing was recorded.</source>
        <translation>Met %1 op %2, 1 minuut. Reden: %4. Er is niets opgenomen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_evaluate.py" line="76"/>
        <source>With %1 on %2, %3 minutes. Reason: %4. Nothing was recorded.</source>
        <translation>Met %1 op %2, %3 minuten. Reden: %4. Er is niets opgenomen.</translation>
    </message>
</context>
<context>
    <name>LiveRunningScreen</name>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="129"/>
        <source>Press 1-5 for a quick observation at this moment, then optionally + or - and a short note, and Enter. Observations and notes are saved automatically.</source>
        <translation>Druk op 1-5 voor een snelle observatie op dit moment (1 Aanvang ... 5 Algemeen), typ eventueel + of - en een korte notitie, en Enter. Observaties en notities worden automatisch bewaard.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="148"/>
        <source>Observation for A %1 at this moment</source>
        <translation>Waarneming bij A%1 op dit moment</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="158"/>
        <source>Good point (+)</source>
        <translation>Goed punt (+)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="159"/>
        <source>Point to improve (-)</source>
        <translation>Verbeterpunt (-)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="167"/>
        <source>Short note (optional), Enter to finish</source>
        <translation>Korte notitie (mag leeg), Enter om af te ronden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="168"/>
        <source>Note with the observation</source>
        <translation>Notitie bij de waarneming</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="172"/>
        <source>At the start of the note: a good point (+) or a point to improve (-)</source>
        <translation>Aan het begin van de notitie: een goed punt (+) of een verbeterpunt (-)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="173"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="173"/>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="181"/>
        <source>Finish the observation</source>
        <translation>Waarneming afronden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="193"/>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="220"/>
        <source>Observations</source>
        <translation>Observaties</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="195"/>
        <source>Remove observation</source>
        <translation>Observatie verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="199"/>
        <source>Remove the chosen observation</source>
        <translation>Gekozen waarneming verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="202"/>
        <source>Free notes about the manner of the calls (no caller details)</source>
        <translation>Vrije notities over de manier van gesprekken voeren (geen gegevens van bellers)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="203"/>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="226"/>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="402"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="210"/>
        <source>End session and evaluate</source>
        <translation>Sessie beëindigen en beoordelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="258"/>
        <source>Side-by-side with %1 – reason: %2</source>
        <translation>Side-by-side met %1 – reden: %2</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="270"/>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="389"/>
        <source>Saved automatically.</source>
        <translation>Automatisch bewaard.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="326"/>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="370"/>
        <source>Changes not saved yet</source>
        <translation>Wijzigingen nog niet bewaard</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="349"/>
        <source>Press 1-5 for an observation</source>
        <translation>Druk op 1-5 voor een observatie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="392"/>
        <source>Could not be saved: %1</source>
        <translation>Kon niet worden bewaard: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_running.py" line="404"/>
        <source>observation %1</source>
        <translation>waarneming %1</translation>
    </message>
</context>
<context>
    <name>LiveSessionPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/live_session_page.py" line="107"/>
        <source>This session was still running (started %1); it continues here.</source>
        <translation>Deze sessie liep nog (gestart %1); hij gaat hier verder.</translation>
    </message>
</context>
<context>
    <name>LiveStartScreen</name>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="46"/>
        <source>Side-by-side session</source>
        <translation>Side-by-side sessie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="50"/>
        <source>Sit beside the employee, listen live and give feedback straight away. Nothing is recorded. Use it when the employee asks for it, or when the recording failed.</source>
        <translation>Zit naast de medewerker, luister live mee en geef direct feedback. Er wordt niets opgenomen. Gebruik dit als de medewerker erom vraagt, of als de opname door een storing ontbreekt.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="59"/>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="88"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="63"/>
        <source>at the employee&apos;s request</source>
        <translation>op verzoek van de medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="64"/>
        <source>fault in the recording</source>
        <translation>storing in de opname</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="65"/>
        <source>other:</source>
        <translation>anders:</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="72"/>
        <source>Short explanation (no caller details)</source>
        <translation>Korte toelichting (geen gegevens van bellers)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="74"/>
        <source>Explanation of the reason</source>
        <translation>Toelichting bij de reden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="79"/>
        <source>Start session</source>
        <translation>Sessie starten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="90"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="138"/>
        <source>Choose the employee first.</source>
        <translation>Kies eerst de medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/live_start.py" line="141"/>
        <source>Choose why you are listening along.</source>
        <translation>Kies waarom je meeluistert.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="31"/>
        <source>nunrec is locked</source>
        <translation>nunrec is vergrendeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="39"/>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="40"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="46"/>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="49"/>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="67"/>
        <source>You locked nunrec. Enter the password of %1 to continue.</source>
        <translation>Je hebt nunrec vergrendeld. Vul het wachtwoord van %1 in om verder te gaan.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="69"/>
        <source>Locked after a period without activity. Enter the password of %1 to continue.</source>
        <translation>Vergrendeld na een periode zonder activiteit. Vul het wachtwoord van %1 in om verder te gaan.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="84"/>
        <source>Wrong password.</source>
        <translation>Onjuist wachtwoord.</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="46"/>
        <source>nunrec - Sign in</source>
        <translation>nunrec - Aanmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="51"/>
        <source>Call coaching KCC</source>
        <translation>Gesprekscoaching KCC</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="53"/>
        <source>Municipality of Nunspeet - sign in with your own account</source>
        <translation>Gemeente Nunspeet - meld je aan met je eigen account</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="59"/>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="65"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="63"/>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="66"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="71"/>
        <source>Opening the workspace...</source>
        <translation>Werkmap wordt geopend...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="113"/>
        <source>Signing in with your workstation account...</source>
        <translation>Aanmelden met je werkplekaccount...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="121"/>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="133"/>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="183"/>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="158"/>
        <source>Asking the directory...</source>
        <translation>De directory wordt gevraagd...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="81"/>
        <source>Recordings are only for coaching on how calls are handled (Protocol opname telefoongesprekken). Every listen is logged.</source>
        <translation>Opnames zijn er alleen voor coaching op de manier waarop gesprekken worden gevoerd (Protocol opname telefoongesprekken). Elke luisterbeurt wordt vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="151"/>
        <source>Enter your user name and password.</source>
        <translation>Vul je gebruikersnaam en wachtwoord in.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="75"/>
        <source>nunrec - Call coaching KCC</source>
        <translation>nunrec - Gesprekscoaching KCC</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="91"/>
        <source>Signed in as %1 (%2)</source>
        <translation>Aangemeld als %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="95"/>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="98"/>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="103"/>
        <source>nunrec</source>
        <translation>nunrec</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="152"/>
        <source>coach</source>
        <translation>coach</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="152"/>
        <source>IT support</source>
        <translation>IT-ondersteuning</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="158"/>
        <source>Recordings</source>
        <translation>Opnames</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="160"/>
        <source>Here you will see the recorded inbound calls of the employees you coach, younger than 30 days, with how many days each remains available. This list arrives with the connection to the recording store.</source>
        <translation>Hier zie je straks de opgenomen inkomende gesprekken van de medewerkers die je coacht, jonger dan 30 dagen, met hoeveel dagen elk gesprek nog beschikbaar is. Deze lijst komt met de koppeling aan de opnameopslag.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="166"/>
        <source>Player</source>
        <translation>Speler</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="168"/>
        <source>Here you will listen to a call with its waveform (employee and caller as separate lanes), slow it down and mark moments. Audio is never saved on this computer.</source>
        <translation>Hier beluister je straks een gesprek met de golfvorm (medewerker en beller als aparte sporen), vertraag je het en markeer je momenten. Geluid wordt nooit op deze computer opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="173"/>
        <source>Evaluation</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="175"/>
        <source>You evaluate a call with the 5A form beside the player: open a call from the list. Here you will find an overview of your drafts and evaluations, and export feedback for the employee.</source>
        <translation>Je beoordeelt een gesprek met het 5A-formulier naast de speler: open een gesprek vanuit de lijst. Hier komt straks het overzicht van je concepten en beoordelingen, en maak je terugkoppeling voor de medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="181"/>
        <source>Coaching cycles</source>
        <translation>Coachingscycli</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="183"/>
        <source>Here you will plan the coaching cycle per employee every 4 to 6 weeks, pick calls, listen together with an employee and log side-by-side sessions.</source>
        <translation>Hier plan je straks per medewerker de coachingscyclus van elke 4 tot 6 weken, kies je gesprekken, luister je samen met een medewerker terug en leg je side-by-side-sessies vast.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="187"/>
        <source>Side-by-side</source>
        <translation>Side-by-side</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="189"/>
        <source>Calibration</source>
        <translation>Kalibratie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="192"/>
        <source>Administration</source>
        <translation>Beheer</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="195"/>
        <source>Employees</source>
        <translation>Medewerkers</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="196"/>
        <source>Coaching</source>
        <translation>Coaching</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="197"/>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="198"/>
        <source>Recording store</source>
        <translation>Opnameopslag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="199"/>
        <source>Access review</source>
        <translation>Toegangsreview</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="193"/>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="188"/>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="194"/>
        <source>Erasure requests</source>
        <translation>Verwijderverzoeken</translation>
    </message>
</context>
<context>
    <name>MarksPanel</name>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="48"/>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="87"/>
        <source>Marks</source>
        <translation>Markeringen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="56"/>
        <source>Remove the chosen mark</source>
        <translation>De gekozen markering verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="57"/>
        <source>Edit the note of the chosen mark</source>
        <translation>De notitie bij de gekozen markering bewerken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="63"/>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="225"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="66"/>
        <source>Note with the mark</source>
        <translation>Notitie bij de markering</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="72"/>
        <source>Leave the note as it was</source>
        <translation>De notitie laten zoals hij was</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="74"/>
        <source>Mark (M)</source>
        <translation>Markeren (M)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="75"/>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="263"/>
        <source>Delete mark</source>
        <translation>Markering verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="82"/>
        <source>M: mark at the playhead  ·  , and .: previous and next mark  ·  Delete: remove the chosen mark</source>
        <translation>M: markering op de afspeelpositie  ·  , en .: vorige en volgende markering  ·  Del: gekozen markering verwijderen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="141"/>
        <source>This evaluation is submitted and can only be read, so it takes no new marks. Choose “New version (correct)” in the form to change it.</source>
        <translation>Deze beoordeling is ingediend en alleen te lezen: er kunnen geen markeringen bij. Kies “Nieuwe versie (corrigeren)” in het formulier om iets te veranderen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="191"/>
        <source>Note at %1</source>
        <translation>Notitie bij %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="237"/>
        <source>Mark %1</source>
        <translation>Markering %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="261"/>
        <source>Go to this mark</source>
        <translation>Naar deze markering</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/marks_panel.py" line="262"/>
        <source>Edit note</source>
        <translation>Notitie bewerken</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../nunrec_desktop/ui/messages.py" line="24"/>
        <source>Something unexpected went wrong. Try again; if it keeps happening, give IT the log file (logs/nunrec.log in the workspace).</source>
        <translation>Er ging iets onverwachts mis. Probeer het opnieuw; gebeurt het vaker, geef IT dan het logbestand (logs/nunrec.log in de werkmap).</translation>
    </message>
</context>
<context>
    <name>NavigationList</name>
    <message>
        <location filename="../../nunrec_desktop/ui/navigation.py" line="16"/>
        <source>Main menu</source>
        <translation>Hoofdmenu</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="153"/>
        <source>Player</source>
        <translation>Speler</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="155"/>
        <source>Open a recording from the list (double-click or Enter).</source>
        <translation>Open een opname vanuit de lijst (dubbelklikken of Enter).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="184"/>
        <source>-5 s</source>
        <translation>-5 s</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="185"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="571"/>
        <source>Play</source>
        <translation>Afspelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="187"/>
        <source>+5 s</source>
        <translation>+5 s</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="194"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="217"/>
        <source>Speed</source>
        <translation>Snelheid</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="180"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="195"/>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="177"/>
        <source>Waveform: no call opened</source>
        <translation>Golfvorm: geen gesprek geopend</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="180"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="196"/>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="180"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="197"/>
        <source>Whole call</source>
        <translation>Hele gesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="198"/>
        <source>Skip silences</source>
        <translation>Stiltes overslaan</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="202"/>
        <source>While playing, jump over the silences (nobody speaks; hold music counts as silence). Click into a silence to hear it anyway.</source>
        <translation>Spring bij het afspelen over de stiltes heen (niemand spreekt; wachtmuziek telt als stilte). Klik in een stilte om die toch te horen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="313"/>
        <source>Play or pause</source>
        <translation>Afspelen of pauzeren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="314"/>
        <source>5 seconds back</source>
        <translation>5 seconden terug</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="315"/>
        <source>5 seconds forward</source>
        <translation>5 seconden vooruit</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="316"/>
        <source>Mark this moment</source>
        <translation>Dit moment markeren</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="317"/>
        <source>Next mark</source>
        <translation>Volgende markering</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="318"/>
        <source>Previous mark</source>
        <translation>Vorige markering</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="357"/>
        <source>%1 - call of %2, %3 - loading...</source>
        <translation>%1 - gesprek van %2, %3 - wordt geladen...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="373"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="373"/>
        <source>Caller</source>
        <translation>Beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="373"/>
        <source>Call</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="378"/>
        <source>Other employee</source>
        <translation>Andere medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="392"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="438"/>
        <source>This recording is incomplete: the audio lasts %1, the recording should last %2.</source>
        <translation>Deze opname is onvolledig: het geluid duurt %1, de opname hoort %2 te duren.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="406"/>
        <source>%1 - the rest of the call is loading...</source>
        <translation>%1 - de rest van het gesprek wordt geladen...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="454"/>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="466"/>
        <source>The recording could not be opened because of an unexpected error (%1).</source>
        <translation>De opname kon niet worden geopend door een onverwachte fout (%1).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="483"/>
        <source>Measured from the sound only (who speaks when), not from what is said. Context for the conversation with the employee, not a score. Holds and overlaps are marked under the lanes: click one to go there.</source>
        <translation>Gemeten aan het geluid (wie wanneer spreekt), niet aan wat er gezegd wordt. Achtergrond voor het gesprek met de medewerker, geen score. Stiltes en door elkaar praten staan onder de sporen: klik erop om erheen te gaan.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="492"/>
        <source>no silences</source>
        <translation>geen stiltes</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="494"/>
        <source>1 silence (%1)</source>
        <translation>1 stilte (%1)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="497"/>
        <source>%1 silences, %3 in all (longest %2)</source>
        <translation>%1 stiltes, samen %3 (langste %2)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="504"/>
        <source>Nobody speaks in this recording</source>
        <translation>In deze opname spreekt niemand</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="505"/>
        <source>talk time and overlaps need a stereo recording</source>
        <translation>spreektijd en door elkaar praten zijn alleen te meten bij een stereo-opname</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="508"/>
        <source>Talk time employee %1 % - caller %2 %</source>
        <translation>Spreektijd medewerker %1 % - beller %2 %</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="514"/>
        <source>never at the same time</source>
        <translation>niet door elkaar</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="516"/>
        <source>%1 times at the same time</source>
        <translation>%1 keer door elkaar</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="518"/>
        <source>once at the same time</source>
        <translation>1 keer door elkaar</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="539"/>
        <source>Volume %1</source>
        <translation>Volume %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="540"/>
        <source>Mute</source>
        <translation>Dempen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="541"/>
        <source>Mute %1</source>
        <translation>Dempen: %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="564"/>
        <source>Pause</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="589"/>
        <source>This part of the call was answered by an employee you do not coach, so it is not played. The player went to the nearest part you may listen to.</source>
        <translation>Dit deel van het gesprek is beantwoord door een medewerker die je niet coacht. Daarom wordt het niet afgespeeld. De speler staat nu op het dichtstbijzijnde deel dat je wel mag beluisteren.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="594"/>
        <source>No part of this call may be played for you.</source>
        <translation>Je mag geen enkel deel van dit gesprek beluisteren.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/player_page.py" line="648"/>
        <source>Waveform of %1, at %2 of %3</source>
        <translation>Golfvorm van %1, op %2 van %3</translation>
    </message>
</context>
<context>
    <name>RecordingsPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="104"/>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="227"/>
        <source>Recordings</source>
        <translation>Opnames</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="107"/>
        <source>Inbound calls on the general number, answered by the employees you coach, younger than 30 days.</source>
        <translation>Inkomende gesprekken op het algemene nummer, aangenomen door de medewerkers die je coacht, jonger dan 30 dagen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="115"/>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="411"/>
        <source>All employees</source>
        <translation>Alle medewerkers</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="127"/>
        <source>Minimum duration (minutes:seconds)</source>
        <translation>Minimale duur (minuten:seconden)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="128"/>
        <source>Only calls at least this long, e.g. 1:30</source>
        <translation>Alleen gesprekken van minstens deze duur, bijv. 1:30</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="129"/>
        <source>Only not yet evaluated</source>
        <translation>Alleen nog niet beoordeeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="132"/>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="133"/>
        <source>Search by employee or id</source>
        <translation>Zoek op medewerker of id</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="135"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="137"/>
        <source>Listen together with this employee...</source>
        <translation>Terugluisteren met deze medewerker...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="142"/>
        <source>End session</source>
        <translation>Sessie beëindigen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="144"/>
        <source>Employee&apos;s own evaluation...</source>
        <translation>Eigen beoordeling van de medewerker...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="155"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="156"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="157"/>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="158"/>
        <source>At least</source>
        <translation>Minimaal</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="186"/>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="202"/>
        <source>Continue</source>
        <translation>Verder gaan</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="215"/>
        <source>Clear filters</source>
        <translation>Filters wissen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="279"/>
        <source>Loading recordings from the recording store...</source>
        <translation>Opnames worden opgehaald uit de opnameopslag...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="292"/>
        <source>1 item in the recording store was incomplete or unreadable and was skipped. IT can find the details in the workspace log.</source>
        <translation>1 onderdeel in de opnameopslag was onvolledig of onleesbaar en is overgeslagen. IT vindt de details in het logboek van de werkmap.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="297"/>
        <source>%1 items in the recording store were incomplete or unreadable and were skipped. IT can find the details in the workspace log.</source>
        <translation>%1 onderdelen in de opnameopslag waren onvolledig of onleesbaar en zijn overgeslagen. IT vindt de details in het logboek van de werkmap.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="312"/>
        <source>Choose the employee first (filter &apos;Employee&apos;).</source>
        <translation>Kies eerst de medewerker (filter &apos;Medewerker&apos;).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="315"/>
        <source>Listening session with %1</source>
        <translation>Terugluistersessie met %1</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="326"/>
        <source>Choose the call first.</source>
        <translation>Kies eerst het gesprek.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="352"/>
        <source>You have 1 unfinished evaluation: %2, call of %3.</source>
        <translation>Je hebt 1 niet-ingediende beoordeling: %2, gesprek van %3.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="354"/>
        <source>You have %1 unfinished evaluations. The newest: %2, call of %3.</source>
        <translation>Je hebt %1 niet-ingediende beoordelingen. De nieuwste: %2, gesprek van %3.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="362"/>
        <source>You have 1 unfinished evaluation: %2, side-by-side session of %3.</source>
        <translation>Je hebt 1 niet-ingediende beoordeling: %2, side-by-side sessie van %3.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="364"/>
        <source>You have %1 unfinished evaluations. The newest: %2, side-by-side session of %3.</source>
        <translation>Je hebt %1 niet-ingediende beoordelingen. De nieuwste: %2, side-by-side sessie van %3.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="461"/>
        <source>No recordings found with these filters.</source>
        <translation>Geen opnames gevonden met deze filters.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="467"/>
        <source>There are no recordings (younger than 30 days) of the employees you coach yet. Try again later with &apos;Refresh&apos;.</source>
        <translation>Er zijn nog geen opnames (jonger dan 30 dagen) van de medewerkers die je coacht. Probeer het later opnieuw met &apos;Vernieuwen&apos;.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="395"/>
        <source>The recordings could not be loaded because of an unexpected error (%1).</source>
        <translation>De opnames konden niet worden opgehaald door een onverwachte fout (%1).</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="401"/>
        <source>No recordings loaded.</source>
        <translation>Geen opnames opgehaald.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="452"/>
        <source>No recordings</source>
        <translation>Geen opnames</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="454"/>
        <source>1 recording</source>
        <translation>1 opname</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="454"/>
        <source>%1 recordings</source>
        <translation>%1 opnames</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_page.py" line="456"/>
        <source>%1 of %2 recordings</source>
        <translation>%1 van %2 opnames</translation>
    </message>
</context>
<context>
    <name>RecordingsTableModel</name>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="58"/>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="59"/>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="60"/>
        <source>Employee</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="61"/>
        <source>Disappears in</source>
        <translation>Verdwijnt over</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="62"/>
        <source>Evaluated</source>
        <translation>Beoordeeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="64"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="64"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="64"/>
        <source>today</source>
        <translation>vandaag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="65"/>
        <source>%1 days</source>
        <translation>%1 dagen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="66"/>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/recordings_model.py" line="194"/>
        <source>Transferred call: only the part of your own employee is shown.</source>
        <translation>Doorverbonden gesprek: alleen het deel van je eigen medewerker wordt getoond.</translation>
    </message>
</context>
<context>
    <name>ReplaceReasonDialog</name>
    <message>
        <location filename="../../nunrec_desktop/ui/replace_reason_dialog.py" line="44"/>
        <source>Why replace?</source>
        <translation>Waarom vervangen?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/replace_reason_dialog.py" line="50"/>
        <source>Drawn calls are final. A replacement is recorded with the draw and its reason, and the employee&apos;s feedback document says how many calls were replaced.</source>
        <translation>Getrokken gesprekken staan vast. Een vervanging wordt met de reden bij de trekking vastgelegd, en in de terugkoppeling voor de medewerker staat hoeveel gesprekken zijn vervangen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/replace_reason_dialog.py" line="62"/>
        <source>Technical fault in the recording</source>
        <translation>Technisch mankement in de opname</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/replace_reason_dialog.py" line="63"/>
        <source>Call unsuitable to evaluate (cut off, silent or too short)</source>
        <translation>Gesprek niet te beoordelen (afgebroken, stil of te kort)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/replace_reason_dialog.py" line="64"/>
        <source>Not a customer call (a colleague, or a wrong number)</source>
        <translation>Geen klantgesprek (een collega, of verkeerd verbonden)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/replace_reason_dialog.py" line="65"/>
        <source>Other:</source>
        <translation>Anders:</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/replace_reason_dialog.py" line="75"/>
        <source>Other reason</source>
        <translation>Andere reden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/replace_reason_dialog.py" line="76"/>
        <source>In a few words, without anything about the caller</source>
        <translation>In een paar woorden, zonder iets over de beller</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/replace_reason_dialog.py" line="92"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="45"/>
        <source>Access review</source>
        <translation>Toegangsreview</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="54"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="54"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="54"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="54"/>
        <source>Last sign-in</source>
        <translation>Laatst aangemeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="54"/>
        <source>Coaches</source>
        <translation>Coacht</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="55"/>
        <source>Accounts under review</source>
        <translation>Accounts in de review</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="63"/>
        <source>PDF file</source>
        <translation>PDF-bestand</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="65"/>
        <source>&amp;Browse...</source>
        <translation>&amp;Bladeren...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="66"/>
        <source>&amp;Make PDF</source>
        <translation>PDF &amp;maken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="73"/>
        <source>All accounts (yearly)</source>
        <translation>Alle accounts (jaarlijks)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="74"/>
        <source>IT rights only (quarterly)</source>
        <translation>Alleen IT-rechten (per kwartaal)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="77"/>
        <source>e.g. checked with the team leader; two accounts disabled</source>
        <translation>bijv. nagelopen met de teamleider; twee accounts uitgeschakeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="78"/>
        <source>Si&amp;gn off</source>
        <translation>&amp;Aftekenen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="81"/>
        <source>&amp;PDF file</source>
        <translation>&amp;PDF-bestand</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="89"/>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="90"/>
        <source>S&amp;cope</source>
        <translation>&amp;Omvang</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="91"/>
        <source>&amp;Remark</source>
        <translation>&amp;Opmerking</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="116"/>
        <source>No review is due. Thank you for keeping access tidy.</source>
        <translation>Er is geen review nodig.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="122"/>
        <source>coach</source>
        <translation>coach</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="122"/>
        <source>IT support</source>
        <translation>IT-medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="123"/>
        <source>directory</source>
        <translation>directory</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="123"/>
        <source>local</source>
        <translation>lokaal</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="124"/>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="132"/>
        <source>Changes since the last review: %1.</source>
        <translation>Wijzigingen sinds de vorige review: %1.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="134"/>
        <source>Last review: %1 by %2.</source>
        <translation>Vorige review: %1 door %2.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="142"/>
        <source>ongoing</source>
        <translation>lopend</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="147"/>
        <source>Save access review</source>
        <translation>Toegangsreview opslaan</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="155"/>
        <source>The access review is written to %1.</source>
        <translation>De toegangsreview is opgeslagen in %1.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/review_page.py" line="163"/>
        <source>The review is signed off for %1.</source>
        <translation>De review is afgetekend voor %1.</translation>
    </message>
</context>
<context>
    <name>SelfEvaluationDialog</name>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="42"/>
        <source>The employee&apos;s own evaluation</source>
        <translation>Eigen beoordeling van de medewerker</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="46"/>
        <source>The call of %1. The employee fills in the 5A&apos;s first; your answers appear after submitting, side by side. These answers are the employee&apos;s, not your evaluation.</source>
        <translation>Het gesprek van %1. De medewerker vult eerst zelf de 5 A&apos;s in; jouw antwoorden verschijnen na het indienen, ernaast. Deze antwoorden zijn van de medewerker, niet jouw beoordeling.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="54"/>
        <source>Answers per criterion</source>
        <translation>Antwoorden per criterium</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="55"/>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="108"/>
        <source>Criterion</source>
        <translation>Criterium</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="55"/>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="108"/>
        <source>Own answer</source>
        <translation>Eigen antwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="74"/>
        <source>Submit</source>
        <translation>Indienen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="75"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="108"/>
        <source>Coach</source>
        <translation>De coach</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="108"/>
        <source>The same?</source>
        <translation>Hetzelfde?</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="114"/>
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="115"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="115"/>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="121"/>
        <source>Submitted. You see one criterion differently: talk about it.</source>
        <translation>Ingediend. Eén criterium zien jullie anders: bespreek het samen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="123"/>
        <source>Submitted. You see %1 criteria differently: talk about those.</source>
        <translation>Ingediend. %1 criteria zien jullie anders: bespreek die samen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/self_evaluation_dialog.py" line="125"/>
        <source>Submitted. Compare the answers together.</source>
        <translation>Ingediend. Vergelijk de antwoorden samen.</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="29"/>
        <source>Recording store</source>
        <translation>Opnameopslag</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="33"/>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="34"/>
        <source>TSV portal (HTTPS)</source>
        <translation>TSV-portaal (HTTPS)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="36"/>
        <source>folder, or https://portal address</source>
        <translation>map, of https://adres van het portaal</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="37"/>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="41"/>
        <source>paste the token from the portal</source>
        <translation>plak het token uit het portaal</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="42"/>
        <source>Put token in the &amp;keyring</source>
        <translation>Token in de &amp;sleutelhanger zetten</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="44"/>
        <source>&amp;Test connection</source>
        <translation>Verbinding &amp;testen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="51"/>
        <source>&amp;Kind</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="52"/>
        <source>&amp;Location</source>
        <translation>&amp;Plaats</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="53"/>
        <source>Portal t&amp;oken</source>
        <translation>Portaal&amp;token</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="85"/>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="103"/>
        <source>A token is in the keyring.</source>
        <translation>Er staat een token in de sleutelhanger.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="85"/>
        <source>No token in the keyring yet.</source>
        <translation>Er staat nog geen token in de sleutelhanger.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="94"/>
        <source>Saved. Coaches see the recordings of this store from their next list on.</source>
        <translation>Opgeslagen. Coaches zien vanaf hun volgende lijst de opnames uit deze opslag.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="104"/>
        <source>The token is in the keyring of this computer.</source>
        <translation>Het token staat in de sleutelhanger van deze computer.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="110"/>
        <source>Testing the connection...</source>
        <translation>De verbinding wordt getest...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="118"/>
        <source>Connection works: %1 recordings of the last 30 days listed, %2 of them inbound; %3 entries could not be used.</source>
        <translation>De verbinding werkt: %1 opnames van de afgelopen 30 dagen gevonden, waarvan %2 inkomend; %3 vermeldingen waren onbruikbaar.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/admin/store_page.py" line="126"/>
        <source>The connection failed: %1</source>
        <translation>De verbinding is mislukt: %1</translation>
    </message>
</context>
<context>
    <name>SubmitKeys</name>
    <message>
        <location filename="../../nunrec_desktop/ui/key_help.py" line="87"/>
        <source>Submit the evaluation</source>
        <translation>Beoordeling indienen</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../nunrec_desktop/ui/waveform_view.py" line="326"/>
        <source>No recording opened</source>
        <translation>Geen opname geopend</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/waveform_view.py" line="370"/>
        <source>Loading the rest of the call...</source>
        <translation>De rest van het gesprek wordt geladen...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/waveform_view.py" line="466"/>
        <source>hold</source>
        <translation>stilte</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/waveform_view.py" line="466"/>
        <source>overlap</source>
        <translation>door elkaar</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/waveform_view.py" line="512"/>
        <source>%1 from %2 - click to go there</source>
        <translation>%1 vanaf %2 - klik om erheen te gaan</translation>
    </message>
</context>
</TS>
