Route #1: 6
Route #2: 2
Route #3: 1 3
Route #4: 8
Route #5: 5 14
Route #6: 11 4
Route #7: 13 9 7
Route #8: 15 12 10
Cost 450
