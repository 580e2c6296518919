"""Queue tickets (số thứ tự): services, numbering with leases, issuing and printing."""
