"""Qt user interface: thin widgets that ask the services and show the results."""
