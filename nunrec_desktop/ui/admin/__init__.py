"""IT's "Beheer" screens (issue 25): employees, coaching assignments, accounts, the recording store and the
access review. One widget per page; each talks to the IT desk (`services.it_desk.ItDesk`) through a narrow
Protocol and runs its work on the task runner."""
