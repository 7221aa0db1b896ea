<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="27"/>
        <source>nunrec is locked</source>
        <translation>nunrec is vergrendeld</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="34"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="40"/>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="43"/>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/lock_screen.py" line="60"/>
        <source>Locked after a period without activity. Enter the password of %1 to continue.</source>
        <translation>Vergrendeld na een periode zonder activiteit. Vul het wachtwoord van %1 in om verder te gaan.</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="32"/>
        <source>nunrec - Sign in</source>
        <translation>nunrec - Aanmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="37"/>
        <source>Call coaching KCC</source>
        <translation>Gesprekscoaching KCC</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="39"/>
        <source>Municipality of Nunspeet - sign in with your own account</source>
        <translation>Gemeente Nunspeet - meld u aan met uw eigen account</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="45"/>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="51"/>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="49"/>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="52"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="58"/>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="68"/>
        <source>Recordings are only for coaching on how calls are handled (Protocol opname telefoongesprekken). Every listen is logged.</source>
        <translation>Opnames zijn er alleen voor coaching op de manier waarop gesprekken worden gevoerd (Protocol opname telefoongesprekken). Elke luisterbeurt wordt vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="88"/>
        <source>Preparing the workspace...</source>
        <translation>Werkmap wordt voorbereid...</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/login_window.py" line="107"/>
        <source>Enter your user name and password.</source>
        <translation>Vul uw gebruikersnaam en wachtwoord in.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="55"/>
        <source>nunrec - Call coaching KCC</source>
        <translation>nunrec - Gesprekscoaching KCC</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="69"/>
        <source>Signed in as %1 (%2)</source>
        <translation>Aangemeld als %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="72"/>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="75"/>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="80"/>
        <source>nunrec</source>
        <translation>nunrec</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="126"/>
        <source>coach</source>
        <translation>coach</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="126"/>
        <source>IT support</source>
        <translation>IT-ondersteuning</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="131"/>
        <source>Recordings</source>
        <translation>Opnames</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="132"/>
        <source>Here you will see the recorded inbound calls of the employees you coach, younger than 30 days, with how many days each remains available. This list arrives with the connection to the recording store.</source>
        <translation>Hier ziet u straks de opgenomen inkomende gesprekken van de medewerkers die u coacht, jonger dan 30 dagen, met hoeveel dagen elk gesprek nog beschikbaar is. Deze lijst komt met de koppeling aan de opnameopslag.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="135"/>
        <source>Player</source>
        <translation>Speler</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="136"/>
        <source>Here you will listen to a call with its waveform (employee and caller as separate lanes), slow it down and mark moments. Audio is never saved on this computer.</source>
        <translation>Hier beluistert u straks een gesprek met de golfvorm (medewerker en beller als aparte sporen), vertraagt u het en markeert u momenten. Geluid wordt nooit op deze computer opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="138"/>
        <source>Evaluation</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="139"/>
        <source>Here you will evaluate a call with the 5A form (aanvang, analyse, antwoord, afsluiting, algemeen) from the municipality&apos;s conversation guideline, and export feedback for the employee.</source>
        <translation>Hier beoordeelt u straks een gesprek met het 5A-formulier (aanvang, analyse, antwoord, afsluiting, algemeen) uit de gespreksleidraad van de gemeente, en maakt u terugkoppeling voor de medewerker.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="142"/>
        <source>Coaching cycles</source>
        <translation>Coachingscycli</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="143"/>
        <source>Here you will plan the coaching cycle per employee every 4 to 6 weeks, pick calls, listen together with an employee and log side-by-side sessions.</source>
        <translation>Hier plant u straks per medewerker de coachingscyclus van elke 4 tot 6 weken, kiest u gesprekken, luistert u samen met een medewerker terug en legt u side-by-side-sessies vast.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="147"/>
        <source>Support</source>
        <translation>Ondersteuning</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="148"/>
        <source>As IT support you help the coach: you manage accounts and the connection to the recording store, handle erasure requests and read the audit log. You do not browse or evaluate recordings. For now accounts are managed with the command &apos;nunrec users&apos;.</source>
        <translation>Als IT-ondersteuning helpt u de coach: u beheert accounts en de koppeling met de opnameopslag, handelt verwijderverzoeken af en leest het auditlog. U bladert niet door opnames en beoordeelt ze niet. Accounts beheert u voorlopig met de opdracht &apos;nunrec users&apos;.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="151"/>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="152"/>
        <source>Here you will search the audit log and check its hash chain. For now use the command &apos;nunrec audit verify&apos;.</source>
        <translation>Hier doorzoekt u straks het auditlog en controleert u de hashketen. Gebruik voorlopig de opdracht &apos;nunrec audit verify&apos;.</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="154"/>
        <source>Erasure requests</source>
        <translation>Verwijderverzoeken</translation>
    </message>
    <message>
        <location filename="../../nunrec_desktop/ui/main_window.py" line="155"/>
        <source>Here you will handle a caller&apos;s request to delete a recording: find it by the time of the call and the caller&apos;s number, delete it and log it without keeping the number.</source>
        <translation>Hier handelt u straks het verzoek van een beller af om een opname te verwijderen: opzoeken aan de hand van het tijdstip en het nummer van de beller, verwijderen en vastleggen zonder het nummer te bewaren.</translation>
    </message>
</context>
</TS>
