"""The application's shipped files (installed as `nunrec_desktop.resources`): no code lives here."""
